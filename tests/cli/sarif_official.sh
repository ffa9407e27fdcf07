#!/bin/sh
# SARIF that GitHub code scanning accepts: racecheck's --format sarif for every report
# kind (data race, leak, deadlock with its lock-order inversion, all goroutines asleep,
# panic, timeout, and a report found by --explore, with its seed), checked by
# Microsoft's SARIF Multitool against the SARIF 2.1.0 schema ("Sarif" rules) and GitHub's
# ingestion rules ("Gh"). The Multitool exits 0 even when it finds errors: its output is
# what is checked, and every kind must have produced a result.
# Usage: sarif_official.sh MULTITOOL RACECHECK BUILD_DIR
set -u
tool=$1 rc=$2 build=$3
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
t=$build/tests
run() { # FILE KIND racecheck-args...
    out=$1 kind=$2
    shift 2
    "$rc" --format sarif -o "$dir/$out.sarif" "$@" >/dev/null 2>&1
    if ! grep -q "\"ruleId\": \"$kind\"" "$dir/$out.sarif"; then
        echo "FAIL: $out: no $kind result in racecheck's SARIF"
        cat "$dir/$out.sarif"
        exit 1
    fi
}
run race data-race "$build/examples/racy_counter"
run leak goroutine-leak "$t/t_race_leaks_l1_first_replica_O2"
run deadlock deadlock --timeout 5s "$t/t_race_deadlocks_d4_two_philosophers_O2"
run order lock-order-inversion --timeout 5s "$t/t_race_deadlocks_d4_two_philosophers_O2"
run asleep all-goroutines-asleep "$t/t_race_deadlocks_d1_generator_no_close_O2"
run panic panic "$t/cliprog" panic
run timeout timeout --timeout 1s "$t/cliprog" hang
run explore panic --explore 20 --explore-seed 1 "$t/explore/explore_order_violation"
grep -q '"seed"' "$dir/explore.sarif" || { echo "FAIL: explore: no seed property"; exit 1; }
"$tool" validate --rule-kind "Gh;Sarif" "$dir"/*.sarif >"$dir/log" 2>&1
if grep -q ' error ' "$dir/log" || ! grep -q 'Analysis completed successfully' "$dir/log"; then
    echo "FAIL: the SARIF Multitool rejects racecheck's SARIF:"
    cat "$dir/log"
    exit 1
fi
echo "$(ls "$dir"/*.sarif | wc -l) SARIF files valid (schema and GitHub rules)"
