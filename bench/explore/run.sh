#!/usr/bin/env bash
# bench/explore/run.sh: schedule exploration's speed (docs/EXPLORE.md, "Speed").
#
# For each program: schedules per second of `racecheck --explore N` (racecheck's whole
# loop: fork, exec, the controlled run, collecting reports), the distinct bugs found,
# and the slowdown of one controlled run against an ordinary run under the detector:
# median wall time of `RCSCHED=S prog` (seeds 1..REPEAT) / median wall time of `prog`
# (REPEAT runs), the program's output and reports (stderr) dropped. Prints a markdown
# table.
#
# Programs: the scenarios of /work/shared/scenarios.md built by the test suite
# (tests/race/scenarios, -O2) and the issue's programs (tests/explore). Build first:
#   cmake -S . -B BUILD -G Ninja && cmake --build BUILD
# Usage: bench/explore/run.sh [-n SCHEDULES] [-r REPEAT] [PROGRAM...]
#   -n SCHEDULES  schedules per exploration (default 200)
#   -r REPEAT     runs for each median (default 11)
#   PROGRAM       names below (default: all)
# Environment: BUILD_DIR (default build).
#
# Benchmarks measure, they never fail on a timing. The runtime must have controlled
# mode (RCSCHED): without it the script says so and stops.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BUILD_DIR:-$root/build}
case $build in /*) ;; *) build=$root/$build ;; esac
schedules=200
repeat=11
while getopts "n:r:h" opt; do
    case $opt in
    n) schedules=$OPTARG ;;
    r) repeat=$OPTARG ;;
    *) sed -n '2,/^set -u/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
shift $((OPTIND - 1))

# name | binary under the build dir | what it is
programs="
N1|tests/t_race_scenarios_n01_unbuffered_send_O2|write, unbuffered send, read after receive
N3|tests/t_race_scenarios_n03_semaphore_O2|channel as a semaphore around a counter
N7|tests/t_race_scenarios_n07_atomic_counter_O2|10 goroutines, atomic counter to 10000
N8|tests/t_race_scenarios_n08_waitgroup_slots_O2|WaitGroup, one slot each
N11|tests/t_race_scenarios_n11_pipeline_O2|fan-out/fan-in pipeline
R1|tests/t_race_scenarios_r01_counter_O2|5 goroutines x 10000 total++ (race)
R6|tests/t_race_scenarios_r06_bank_withdraw_O2|bank withdraw check-then-act (race)
R12|tests/t_race_scenarios_r12_linked_list_O2|linked list push/remove (race)
a|tests/explore/explore_order_violation|issue 7 (a): order violation (panic)
b|tests/explore/explore_lock_preempt|issue 7 (b): deadlock between two Locks
c|tests/explore/explore_select_leak|issue 7 (c): leak behind a select's rare case
d|tests/explore/explore_sleep_race|issue 7 (d): race behind a sleep
"
racecheck=$build/cli/racecheck
[ -x "$racecheck" ] || { echo "no $racecheck: build first (BUILD_DIR)" >&2; exit 1; }

now_ns() { date +%s%N; }

# median of the numbers on stdin
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)]; else print "n/a" }'; }

# wall microseconds of one run of "$@" (its output and the detector's reports dropped)
run_us() {
    local t0 t1
    t0=$(now_ns)
    "$@" >/dev/null 2>&1 </dev/null
    t1=$(now_ns)
    echo $(((t1 - t0) / 1000))
}

first=$(echo "$programs" | sed -n '2p' | cut -d'|' -f2)
if RCSCHED=not-a-seed "$build/$first" >/dev/null 2>&1; then
    echo "this runtime has no controlled mode (RCSCHED=not-a-seed was accepted): nothing to measure" >&2
    exit 1
fi

echo "| program | schedules/s ($schedules schedules) | distinct bugs | ordinary run (ms) | controlled run (ms) | slowdown | what |"
echo "|---|---|---|---|---|---|---|"
echo "$programs" | while IFS='|' read -r name bin what; do
    [ -n "$name" ] || continue
    if [ $# -gt 0 ]; then
        case " $* " in *" $name "*) ;; *) continue ;; esac
    fi
    prog=$build/$bin
    if [ ! -x "$prog" ]; then
        echo "| $name | n/a | n/a | n/a | n/a | n/a | $what |"
        continue
    fi
    json=$(mktemp)
    t0=$(now_ns)
    "$racecheck" --explore "$schedules" --explore-seed 1 --format json -o "$json" "$prog" \
        >/dev/null 2>&1 </dev/null
    t1=$(now_ns)
    rate=$(awk -v n="$schedules" -v ns=$((t1 - t0)) 'BEGIN { printf "%.0f", n / (ns / 1e9) }')
    bugs=$(grep -vc '"kind":"summary"' "$json")
    rm -f "$json"
    ord=$(for i in $(seq "$repeat"); do run_us "$prog"; done | median)
    ctl=$(for i in $(seq "$repeat"); do RCSCHED=$i run_us "$prog"; done | median)
    slow=$(awk -v a="$ctl" -v b="$ord" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "n/a" }')
    printf "| %s | %s | %s | %.1f | %.1f | %s | %s |\n" "$name" "$rate" "$bugs" \
        "$(awk -v x="$ord" 'BEGIN { print x / 1000 }')" "$(awk -v x="$ctl" 'BEGIN { print x / 1000 }')" \
        "$slow" "$what"
done
