#!/usr/bin/env bash
# bench/race/instr.sh: instructions per operation of racecheck's benchmark programs,
# uninstrumented and instrumented, counted by valgrind's callgrind on one P. A count
# does not depend on the machine's load, so it shows a change of a few percent that
# timings on a shared VM hide; it does not show cache misses, page faults or
# contention (run.sh measures those). Run bench/race/run.sh first: it builds the
# programs in build-rbench/rbench/.
#
# Usage: bench/race/instr.sh [-k] [WORKLOAD...]   (default: access mutex pipeline spawn manyg)
#   -k   keep the callgrind files (rc_W.race.cg ...) in build-rbench/rbench/instr/
#        for callgrind_annotate
# Environment: BUILD_DIR (default build-rbench). Needs valgrind (Debian: valgrind).
#
# The programs run with small N (callgrind is ~50x slower). The copies are stripped
# of debug information first: valgrind 3.19 cannot read clang 14's DWARF 5.
# Leak checks are off (RCRACE=leaks=0): a scan starts when the last P goes idle, at
# least 100 ms of wall time after the previous one, and callgrind's slowness turns
# that into a dozen scans inside the run that the timed runs never make (spawn: ~10%
# of its count); the check at exit goes too. run.sh's timings keep them on.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BUILD_DIR:-$root/build-rbench}
case $build in /*) ;; *) build=$root/$build ;; esac
keep=0
if [ "${1:-}" = "-k" ]; then keep=1; shift; fi
workloads=${*:-access mutex pipeline spawn manyg}
command -v valgrind >/dev/null || { echo "instr.sh: valgrind not found (apt-get install valgrind)" >&2; exit 2; }

# N: the program's argument, which is its operation count but for access (passes
# over 2 x 4M elements)
declare -A N=([access]=1 [mutex]=100000 [pipeline]=100000 [spawn]=20000 [manyg]=5000)
out=$build/rbench/instr
mkdir -p "$out"

count() { # PROGRAM N: instructions of one run on 1 P
    local prog=$1 n=$2 copy=$out/$(basename "$1")
    strip --strip-debug -o "$copy" "$prog"
    RCMAXPROCS=1 RCRACE=leaks=0 valgrind --tool=callgrind --callgrind-out-file="$copy.cg" "$copy" "$n" 2>&1 \
        | sed -n 's/.*refs: *//p' | tr -d ,
}

printf '| workload | N | base instr/op | race instr/op | ratio |\n|---|---:|---:|---:|---:|\n'
for w in $workloads; do
    [ -n "${N[$w]:-}" ] || { echo "instr.sh: unknown workload $w" >&2; exit 2; }
    for v in "" .race; do
        [ -x "$build/rbench/rc_$w$v" ] || { echo "instr.sh: $build/rbench/rc_$w$v missing: run bench/race/run.sh first" >&2; exit 2; }
    done
    b=$(count "$build/rbench/rc_$w" "${N[$w]}")
    r=$(count "$build/rbench/rc_$w.race" "${N[$w]}")
    ops=${N[$w]}
    [ "$w" = access ] && ops=$((2 * 4194304 * ops))
    awk -v w="$w" -v n="${N[$w]}" -v o="$ops" -v b="$b" -v r="$r" \
        'BEGIN { printf "| %s | %d | %.1f | %.1f | %.2fx |\n", w, n, b / o, r / o, r / b }'
done
[ "$keep" = 1 ] || rm -f "$out"/*.cg
