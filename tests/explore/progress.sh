#!/bin/sh
# The progress line of --explore: drawn on stderr when it is a terminal (a pty made by
# script(1)), with schedules done, distinct bugs and the rate; absent with --quiet and
# when stderr is not a terminal.
# Usage: progress.sh RACECHECK PROGRAM (a program with no bug)
set -u
rc=$1 prog=$2
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
line='racecheck: [0-9][0-9]*/40 schedules, 0 distinct bug(s), [0-9.][0-9.]* schedules/s'
script -qec "'$rc' --explore 40 --explore-seed 1 '$prog'" /dev/null >"$dir/tty" 2>&1
if ! grep -q "$line" "$dir/tty"; then
    echo "FAIL: no progress line on a terminal:"; cat -v "$dir/tty"; exit 1
fi
script -qec "'$rc' --quiet --explore 40 --explore-seed 1 '$prog'" /dev/null >"$dir/quiet" 2>&1
if grep -q 'schedules/s' "$dir/quiet"; then
    echo "FAIL: a progress line with --quiet:"; cat -v "$dir/quiet"; exit 1
fi
"$rc" --explore 40 --explore-seed 1 "$prog" >"$dir/pipe" 2>&1
if grep -q 'schedules/s' "$dir/pipe"; then
    echo "FAIL: a progress line when stderr is not a terminal:"; cat -v "$dir/pipe"; exit 1
fi
grep -q 'explored 40 schedule(s)' "$dir/pipe" || { echo "FAIL: no summary:"; cat "$dir/pipe"; exit 1; }
echo "progress line: shown on a terminal, not with --quiet, not on a pipe"
