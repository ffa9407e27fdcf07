#!/usr/bin/env bash
# bench/race/run.sh: the race detector's benchmarks: racecheck vs ThreadSanitizer vs
# go -race, each against its own uninstrumented build.
#
# Every workload exists three ways, doing the same work:
#   rc/       C on racecheck's runtime: our pass + detector vs the same source built
#             plainly against libracecheck.a
#   pthread/  C on pthreads: clang -fsanitize=thread -O2 -g vs clang -O2 -g
#   go/       Go: go build -race vs go build
# Each pair runs in one invocation with the same processor count (RCMAXPROCS =
# GOMAXPROCS = PROCS; all six programs are pinned to the first PROCS CPUs when PROCS
# is less than the machine's), alternating uninstrumented and instrumented, REPEAT
# times. The slowdown is median(instrumented) / median(uninstrumented) of the time the
# program measures itself (the RESULT line's total_ms: the workload, not process start
# and exit); peak RSS is /usr/bin/time's %M (median). Prints markdown tables: the
# summary (slowdowns, instrumented peak RSS and its ratio to the baseline's, geometric
# means) and the raw medians.
#
# Usage: bench/race/run.sh [-p PROCS] [-r REPEAT] [-t TIMEOUT] [-q] [WORKLOAD...]
#   -p PROCS    processors (default: number of CPUs)
#   -r REPEAT   runs per program, median reported (default: 3)
#   -t TIMEOUT  seconds per run before it counts as failed (default: 300); a program
#               that fails or times out is not run again
#   -q          quick: every N divided by 10 (smoke test, not for the report)
#   WORKLOAD    any of: access mutex pipeline spawn manyg manyg10k (default: all)
# Environment: BUILD_DIR (default build-rbench; racecheck is built there, Release),
#   CC (default clang: must be the clang the pass was built for), GO (default go).
#
# Benchmarks measure, they never fail on a timing: a program that does not build, fails
# or times out shows "n/a", "fail" or "timeout" in its cell.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BUILD_DIR:-$root/build-rbench}
case $build in /*) ;; *) build=$root/$build ;; esac
cc=${CC:-clang}
gocmd=${GO:-go}
ncpu=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)
procs=$ncpu
repeat=3
tmo=300
quick=0

while getopts "p:r:t:qh" opt; do
    case $opt in
    p) procs=$OPTARG ;;
    r) repeat=$OPTARG ;;
    t) tmo=$OPTARG ;;
    q) quick=1 ;;
    *) sed -n '2,/^set -u/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
shift $((OPTIND - 1))

# name | program | N for rc and go | N for pthreads | description
workloads="
access|access|4|4|access-heavy loop (2 workers x 4M ints x 4 passes)
mutex|mutex|1000000|1000000|mutex counter (4 workers, 1M lock/inc/unlock)
pipeline|pipeline|500000|500000|3-stage pipeline, cap 64 (500k items)
spawn|spawn|100000|10000|spawn fan-out (100k tasks; pthreads: 10k, batches of 100)
manyg|manyg|100000|1000|100k goroutines alive (pthreads: 1000 threads)
manyg10k|manyg|10000|1000|10k goroutines alive (pthreads: 1000 threads)
"

selected() { # NAME [WORKLOAD...]
    local n=$1 w
    shift
    [ $# -eq 0 ] && return 0
    for w; do [ "$w" = "$n" ] && return 0; done
    return 1
}

log() { echo "$*" >&2; }

# ---- build ------------------------------------------------------------------------

log "== building racecheck (Release) in $build"
mkdir -p "$build"
gen=
command -v ninja >/dev/null 2>&1 && gen="-G Ninja"
if ! cmake -S "$root" -B "$build" $gen -DCMAKE_BUILD_TYPE=Release >"$build/rbench-cmake.log" 2>&1 ||
   ! cmake --build "$build" --target racecheck racecheck_race racecheck_pass \
        >>"$build/rbench-cmake.log" 2>&1; then
    grep -E 'error|FAILED' "$build/rbench-cmake.log" | head -n 20 >&2
    log "build failed (full log: $build/rbench-cmake.log)"
    exit 1
fi
plugin=$build/pass/libracecheck_pass.so
bin=$build/rbench
mkdir -p "$bin"

cflags="-O2 -g -std=gnu11 -Wall -Wextra"
# build OUT SRC FLAGS...: compiles, or leaves OUT absent and a log beside it
build() {
    local out=$1 src=$2
    shift 2
    rm -f "$out"
    "$cc" $cflags -o "$out" "$src" "$@" 2>"$out.log" || log "   $(basename "$out"): does not build (see $out.log)"
}

log "== building the C programs ($cc) and the Go programs ($("$gocmd" version 2>/dev/null))"
for src in "$here"/rc/*.c; do
    p=$(basename "$src" .c)
    build "$bin/rc_$p" "$src" -I"$root/rt/include" "$build/rt/libracecheck.a" -lunwind -lpthread -ldl
    build "$bin/rc_$p.race" "$src" -fpass-plugin="$plugin" -I"$root/rt/include" \
        "$build/rt/libracecheck_race.a" -lunwind -lpthread -ldl
done
for src in "$here"/pthread/*.c; do
    p=$(basename "$src" .c)
    build "$bin/pt_$p" "$src" -lpthread
    build "$bin/pt_$p.race" "$src" -fsanitize=thread -lpthread
done
for src in "$here"/go/*.go; do
    p=$(basename "$src" .go)
    for race in "" -race; do
        out=$bin/go_$p${race:+.race}
        rm -f "$out"
        (cd "$here/go" && GO111MODULE=on GOFLAGS=-mod=mod GOPROXY=off \
            "$gocmd" build $race -o "$out" "$p.go") 2>"$out.log" ||
            log "   $(basename "$out"): does not build (see $out.log)"
    done
done

# ---- run --------------------------------------------------------------------------

timecmd=
[ -x /usr/bin/time ] && timecmd=/usr/bin/time
[ -z "$timecmd" ] && log "== note: /usr/bin/time missing (apt-get install time): no peak RSS"
pin=
if [ "$procs" -lt "$ncpu" ] && command -v taskset >/dev/null 2>&1; then
    pin="taskset -c 0-$((procs - 1))"
fi

# run EXE ARG: prints "ms rss_kb", "fail" or "timeout"
run() {
    local exe=$1 out=$bin/.out.$$ tf=$bin/.time.$$ ms rss st
    [ -x "$exe" ] || { echo "n/a"; return; }
    RCMAXPROCS=$procs GOMAXPROCS=$procs timeout "$tmo" $timecmd ${timecmd:+-f} ${timecmd:+%M} \
        ${timecmd:+-o} ${timecmd:+$tf} $pin "$exe" "$2" </dev/null >"$out" 2>>"$exe.run.log"
    st=$?
    ms=$(sed -n 's/^RESULT .* total_ms=\([0-9.eE+-]*\).*/\1/p' "$out" | head -n 1)
    rss=$( [ -n "$timecmd" ] && grep -E '^[0-9]+$' "$tf" | tail -n 1)
    rm -f "$out" "$tf"
    if [ "$st" = 124 ]; then echo timeout
    elif [ "$st" != 0 ] || [ -z "$ms" ]; then echo fail
    else echo "$ms ${rss:-0}"; fi
}

median() { # numbers on stdin, one a line
    sort -g | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2f", a / b }'; }
mb() { awk -v k="$1" 'BEGIN { if (k + 0 > 0) printf "%.0f MB", k / 1024 }'; }

load0=$(cut -d" " -f1-3 /proc/loadavg 2>/dev/null)
log "== running: procs=$procs repeat=$repeat timeout=${tmo}s$([ "$quick" = 1 ] && echo ' (quick)')"
kinds="rc pt go"
summary="| workload | ours slowdown | TSan slowdown | go -race slowdown | ours peak RSS (ratio) | TSan peak RSS (ratio) | Go race peak RSS (ratio) |
|---|---:|---:|---:|---:|---:|---:|"
raw="| workload | ours ms (base / race) | TSan ms (base / race) | Go ms (base / race) | ours RSS base | TSan RSS base | Go RSS base |
|---|---:|---:|---:|---:|---:|---:|"
logs_rc= logs_pt= logs_go=   # slowdowns, one a line, for the geometric means
common=                      # "rc pt go" slowdowns of the workloads where all three ran
while IFS='|' read -r name prog nrc npt desc <&3; do
    [ -n "$name" ] || continue
    selected "$name" "$@" || continue
    if [ "$quick" = 1 ]; then
        case $name in access) ;; *) nrc=$((nrc / 10)) npt=$((npt / 10)) ;; esac
    fi
    declare -A ms=() rss=() bad=()
    for k in $kinds; do for v in base race; do ms[$k.$v]= rss[$k.$v]= bad[$k.$v]=; done; done
    i=0
    while [ "$i" -lt "$repeat" ]; do
        msg="   $name #$((i + 1)):"
        for k in $kinds; do
            arg=$nrc
            [ "$k" = pt ] && arg=$npt
            for v in base race; do
                exe=$bin/${k}_$prog
                [ "$v" = race ] && exe=$exe.race
                [ -n "${bad[$k.$v]}" ] && continue
                r=$(run "$exe" "$arg")
                case $r in
                n/a|fail|timeout) bad[$k.$v]=$r ;;
                *) ms[$k.$v]="${ms[$k.$v]}${r% *}
"
                   rss[$k.$v]="${rss[$k.$v]}${r#* }
" ;;
                esac
                msg="$msg $k.$v=${r% *}"
            done
        done
        log "$msg"
        i=$((i + 1))
    done
    declare -A mm=() mr=()
    for k in $kinds; do for v in base race; do
        mm[$k.$v]=$(printf '%s' "${ms[$k.$v]}" | median)
        mr[$k.$v]=$(printf '%s' "${rss[$k.$v]}" | median)
        [ -n "${mm[$k.$v]}" ] || mm[$k.$v]=${bad[$k.$v]:-n/a}
    done; done
    sd=()
    for k in $kinds; do
        s=$(ratio "${mm[$k.race]}" "${mm[$k.base]}")
        if [ -n "$s" ]; then
            case $k in
            rc) logs_rc="$logs_rc$s
" ;;
            pt) logs_pt="$logs_pt$s
" ;;
            go) logs_go="$logs_go$s
" ;;
            esac
            s="${s}x"
        else
            s=${bad[$k.race]:-${bad[$k.base]:-n/a}}
        fi
        sd+=("$s")
    done
    [ -n "${sd[0]%%[!0-9]*}" ] && [ -n "${sd[1]%%[!0-9]*}" ] && [ -n "${sd[2]%%[!0-9]*}" ] &&
        common="$common${sd[0]%x} ${sd[1]%x} ${sd[2]%x}
"
    rr=() # "peak RSS (its ratio to the baseline's)"
    for k in $kinds; do
        r=$(mb "${mr[$k.race]}") q=$(ratio "${mr[$k.race]}" "${mr[$k.base]}")
        [ -n "$r" ] && [ -n "$q" ] && r="$r (${q}x)"
        rr+=("${r:-${bad[$k.race]:-n/a}}")
    done
    summary="$summary
| $desc | ${sd[0]} | ${sd[1]} | ${sd[2]} | ${rr[0]} | ${rr[1]} | ${rr[2]} |"
    rb=()
    for k in $kinds; do r=$(mb "${mr[$k.base]}"); rb+=("${r:-n/a}"); done
    raw="$raw
| $name | ${mm[rc.base]} / ${mm[rc.race]} | ${mm[pt.base]} / ${mm[pt.race]} | ${mm[go.base]} / ${mm[go.race]} | ${rb[0]} | ${rb[1]} | ${rb[2]} |"
    unset ms rss bad mm mr
done 3<<EOF
$workloads
EOF

geomean() { # slowdowns on stdin
    awk '$1 > 0 { s += log($1); n++ } END { if (n) printf "%.2fx (%d workloads)", exp(s / n), n; else print "n/a" }'
}

echo
echo "procs=$procs repeat=$repeat (median), timeout ${tmo}s, $(uname -r), $("$cc" --version | head -n 1),"
echo "$("$gocmd" version 2>/dev/null), load average before: $load0, after: $(cut -d" " -f1-3 /proc/loadavg 2>/dev/null)"
[ "$quick" = 1 ] && echo "quick mode (-q): every N below is divided by 10 (access: unchanged)"
echo
echo "$summary"
echo "| **geometric mean** | $(printf '%s' "$logs_rc" | geomean) | $(printf '%s' "$logs_pt" | geomean) | $(printf '%s' "$logs_go" | geomean) | | | |"
printf '%s' "$common" | awk '{ for (i = 1; i <= 3; i++) s[i] += log($i); n++ }
    END { if (n) printf "| geometric mean, the %d workloads all three ran | %.2fx | %.2fx | %.2fx | | | |\n", n, exp(s[1] / n), exp(s[2] / n), exp(s[3] / n) }'
echo
echo "Raw medians (ms measured by the program; RSS of the uninstrumented builds):"
echo
echo "$raw"
exit 0
