#!/usr/bin/env bash
# run.sh: runs Go's race test suite as ported to C (tests/race/go, CTest label gosuite)
# in a configured and built build directory, then prints the suite's summary:
#   Go race suite: N passed, N failed (of M test functions x 2 optimisation levels)
# Every port is one CTest test per optimisation level (-O0, -O2); pending ports are not
# built (tests/race/go/pending, see PORTING.md). Exits 0 only if every test passed.
#
# Usage: tests/race/go/run.sh BUILD_DIR [ctest options, e.g. -j2 -R mop/]
set -uo pipefail

if [ $# -lt 1 ] || [ ! -d "$1" ]; then
    echo "usage: $0 BUILD_DIR [ctest options]" >&2
    exit 2
fi
build=$1
shift

log=$(mktemp)
trap 'rm -f "$log"' EXIT

ctest --test-dir "$build" -L gosuite "$@" 2>&1 | tee "$log"

# One result line per test: "  3/262 Test  #17: race/go/chan/X/O2 ....   Passed  0.1 sec";
# anything but Passed (***Failed, ***Timeout, ***Exception, ***Not Run) is a failure.
ok=' Passed +[0-9.]+ sec$'
results=$(grep -E '^ *([0-9]+/[0-9]+ +)?Test +#[0-9]+: ' "$log" |
          sed -E 's/^.*Test +#[0-9]+: //')
passed=$(grep -cE "$ok" <<<"$results")
total=$(grep -c . <<<"$results")
failed=$((total - passed))
functions=$(sed -E 's/ .*//; s#/O[02]$##' <<<"$results" | sort -u | grep -c .)

if [ "$failed" -gt 0 ]; then
    echo
    echo "Failed:"
    grep -vE "$ok" <<<"$results" | sed -E 's/ +\.+.*\*\*\*/  /; s/^/  /'
fi
echo
echo "Go race suite: $passed passed, $failed failed" \
     "(of $functions test functions x 2 optimisation levels)"
[ "$total" -gt 0 ] && [ "$failed" -eq 0 ]
