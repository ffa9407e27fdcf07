#!/usr/bin/env bash
# bench/run.sh: racecheck's runtime benchmarks against Go.
#
# Builds the runtime (CMake Release, in its own build dir), the C programs of bench/c/
# against it and their Go mirrors of bench/go/, then runs each pair with the same
# processor count and the same N, alternating C and Go, REPEAT times, and prints a
# markdown table of the medians: workload | racecheck | Go | ratio (ours/Go).
#
# Usage: bench/run.sh [-p PROCS] [-r REPEAT] [-q] [-k] [WORKLOAD...]
#   -p PROCS   RCMAXPROCS = GOMAXPROCS (default: number of CPUs)
#   -r REPEAT  runs per program; the median is reported (default: 5; RSS: at most 3)
#   -q         quick: every N divided by 10, and no 1M-goroutine RSS run
#   -k         keep vm.max_map_count raised afterwards (default: restore it)
#   WORKLOAD   any of the names below (default: all)
# Environment: BUILD_DIR (default build-bench), CC (default clang), GO (default go),
#   RC_LIB (a prebuilt libracecheck.a to link instead of building the runtime).
#
# Benchmarks measure, they never fail on a timing: a program that does not build or
# run shows "n/a" in its cell.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build=${BUILD_DIR:-$root/build-bench}
case $build in /*) ;; *) build=$root/$build ;; esac
cc=${CC:-clang}
gocmd=${GO:-go}
procs=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)
repeat=5
quick=0
keep_maps=0

while getopts "p:r:qkh" opt; do
    case $opt in
    p) procs=$OPTARG ;;
    r) repeat=$OPTARG ;;
    q) quick=1 ;;
    k) keep_maps=1 ;;
    *) sed -n '2,/^set -u/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
shift $((OPTIND - 1))

# name | program | argument (N, rounds or goroutine count) | unit | description
workloads="
spawn|spawn|200000|ns/goroutine|spawn+exit (N=200k)
yield|yield|1000000|ns/yield|yield switch (2 G x 1M)
pingpong|pingpong|500000|ns/round trip|unbuffered ping-pong (500k)
chanbuf|chanbuf|2000000|ns/item|buffered chan cap 128 (2M)
select2|select2|1000000|ns/select|2-way select (1M)
mutex|mutex|20000000|ns/pair|uncontended Mutex (20M)
mutex4|mutex4|4000000|ns/op|contended Mutex, 4 G (4M)
mutexhandoff|mutexhandoff|20000|ns/mutex|Mutex handed off after 100 Locks (20k)
waitgroup|waitgroup|20|ns/goroutine|WaitGroup 10k fan-out x 20
rss_100k|rss|100000|bytes/G|RSS per parked G (100k)
rss_1m|rss|1000000|bytes/G|RSS per parked G (1M)
"

selected() { # NAME [WORKLOAD...]: is NAME among the chosen workloads?
    local n=$1 w
    shift
    [ $# -eq 0 ] && return 0
    for w; do [ "$w" = "$n" ] && return 0; done
    return 1
}

log() { echo "$*" >&2; }

# ---- build ------------------------------------------------------------------------

lib=${RC_LIB:-}
if [ -n "$lib" ]; then
    log "== using the prebuilt runtime $lib (RC_LIB)"
else
    log "== building the runtime (Release) in $build"
    mkdir -p "$build"
    gen=
    command -v ninja >/dev/null 2>&1 && gen="-G Ninja"
    if ! cmake -S "$root" -B "$build" $gen -DCMAKE_BUILD_TYPE=Release >"$build/bench-cmake.log" 2>&1 ||
       ! cmake --build "$build" --target racecheck >>"$build/bench-cmake.log" 2>&1; then
        grep -E 'error|FAILED' "$build/bench-cmake.log" | head -n 20 >&2
        log "runtime build failed (full log: $build/bench-cmake.log)"
        exit 1
    fi
    lib=$build/rt/libracecheck.a
fi
bin=$build/bench
mkdir -p "$bin/c" "$bin/go"

log "== building the C programs ($cc -O2)"
for src in "$here"/c/*.c; do
    p=$(basename "$src" .c)
    rm -f "$bin/c/$p"
    if ! "$cc" -O2 -std=gnu11 -Wall -Wextra -Wno-unused-parameter -I"$root/rt/include" \
            -o "$bin/c/$p" "$src" "$lib" -lunwind -lpthread -ldl 2>"$bin/c/$p.log"; then
        log "   $p: does not build (see $bin/c/$p.log)"
    fi
done

log "== building the Go programs ($("$gocmd" version 2>/dev/null))"
for src in "$here"/go/*.go; do
    p=$(basename "$src" .go)
    rm -f "$bin/go/$p"
    if ! (cd "$here/go" && GO111MODULE=on GOFLAGS=-mod=mod GOPROXY=off \
            "$gocmd" build -o "$bin/go/$p" "$p.go") 2>"$bin/go/$p.log"; then
        log "   $p: does not build (see $bin/go/$p.log)"
    fi
done

# ---- vm.max_map_count: before Linux 6.13 (no MADV_GUARD_INSTALL) our stacks take 2 mappings each

maps_file=/proc/sys/vm/max_map_count
maps_orig=$(cat "$maps_file" 2>/dev/null || echo 0)
maps_note=
if [ "$maps_orig" -lt 4000000 ]; then
    if { sysctl -qw vm.max_map_count=4000000 || echo 4000000 >"$maps_file"; } 2>/dev/null; then
        log "== raised vm.max_map_count from $maps_orig to 4000000"
        # restore it unless someone else changed it meanwhile
        [ "$keep_maps" = 1 ] || trap '[ "$(cat "$maps_file")" = 4000000 ] && echo "$maps_orig" >"$maps_file" 2>/dev/null' EXIT
    else
        maps_note="vm.max_map_count is $maps_orig and could not be raised (not root?):"
        maps_note="$maps_note on kernels before 6.13 the 1M-goroutine RSS run needs >= ~2.1M on racecheck's side."
        log "== note: $maps_note"
    fi
fi

# ---- run --------------------------------------------------------------------------

# run KIND PROG ARG: prints the RESULT line's value, or nothing.
run() {
    local exe=$bin/$1/$2
    [ -x "$exe" ] || return 0
    RCMAXPROCS=$procs GOMAXPROCS=$procs timeout 600 "$exe" "$3" 2>>"$bin/$1/$2.run.log" |
        sed -n 's/^RESULT [^ ]* [a-z_]*=\([0-9.eE+-]*\).*/\1/p' | head -n 1
}

median() { # values on stdin, one a line
    sort -g | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

load0=$(cut -d" " -f1-3 /proc/loadavg 2>/dev/null)
log "== running: procs=$procs repeat=$repeat$([ "$quick" = 1 ] && echo ' (quick)')"
table="| workload | unit | racecheck | Go | ratio (ours/Go) |
|---|---|---:|---:|---:|"
IFS='
'
for line in $workloads; do
    IFS='|' read -r name prog arg unit desc <<EOF
$line
EOF
    selected "$name" "$@" || continue
    if [ "$quick" = 1 ]; then
        [ "$name" = rss_1m ] && continue
        case $name in rss_*) ;; waitgroup) arg=$(( (arg + 9) / 10 )) ;; *) arg=$((arg / 10)) ;; esac
    fi
    rm -f "$bin/c/$prog.run.log" "$bin/go/$prog.run.log"
    # RSS is deterministic to a few bytes and the 1M run is slow: at most 3 runs
    n=$repeat
    case $name in rss_*) [ "$n" -gt 3 ] && n=3 ;; esac
    cs= gs=
    i=0
    while [ "$i" -lt "$n" ]; do
        c=$(run c "$prog" "$arg")
        g=$(run go "$prog" "$arg")
        [ -n "$c" ] && cs="$cs$c
"
        [ -n "$g" ] && gs="$gs$g
"
        log "   $name #$((i + 1)): racecheck=${c:-n/a} go=${g:-n/a}"
        i=$((i + 1))
    done
    cm=$(printf '%s' "$cs" | median)
    gm=$(printf '%s' "$gs" | median)
    ratio=n/a
    if [ -n "$cm" ] && [ -n "$gm" ]; then
        ratio=$(awk -v a="$cm" -v b="$gm" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')
    fi
    [ -n "$cm" ] || { [ -x "$bin/c/$prog" ] && cm="n/a (failed)" || cm="n/a (no build)"; }
    [ -n "$gm" ] || { [ -x "$bin/go/$prog" ] && gm="n/a (failed)" || gm="n/a (no build)"; }
    table="$table
| $desc | $unit | $cm | $gm | $ratio |"
done
unset IFS

echo
echo "procs=$procs repeat=$repeat (median), $(uname -r), $("$gocmd" version 2>/dev/null | awk '{print $3}'),"
echo "load average before: $load0, after: $(cut -d" " -f1-3 /proc/loadavg 2>/dev/null)"
[ "$quick" = 1 ] && echo "quick mode (-q): every N below is divided by 10 (waitgroup: rounds)"
echo
echo "$table"
[ -n "$maps_note" ] && { echo; echo "note: $maps_note"; }
exit 0
