#!/bin/sh
# check.sh: the end-to-end tests of schedule exploration (issue 7), through the
# racecheck command. Each test program's source says what exploring must find:
#   // EXPLORE-KIND: panic                  the report's JSON "kind"
#   // EXPLORE-TEXT: panic: reader: ...     a line of its text report
#   // EXPLORE-SITE: {{LINE:tag}}           /src/NAME.c:<line of "// @tag"> is in it
# (tests/explore/CMakeLists.txt maps the sources' directory to /src.)
#
#   check.sh find  RACECHECK PROG SRC SEED   --explore 200 --explore-seed SEED finds
#       a report of that kind naming every site; replaying the seed it prints gives
#       that report, and the same output, byte for byte, 10 times out of 10.
#   check.sh clean RACECHECK PROG SRC SEED   --explore 200 reports nothing (status 0);
#       replaying seed SEED twice gives the same output byte for byte.
# Prints what failed and exits 1; 0 when everything holds.
set -u
mode=$1 racecheck=$2 prog=$3 src=$4 seed=$5
schedules=200
replays=10
name=$(basename "$src")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rc-explore.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

fail() {
    echo "FAIL: $*"
    for f in "$tmp"/*; do
        [ -f "$f" ] && { echo "---- $(basename "$f") ----"; head -c 20000 "$f"; }
    done
    exit 1
}

# The directive's value, {{LINE:tag}} resolved to the line carrying "// @tag".
directive() {
    sed -n "s|^// $1: ||p" "$src" | while IFS= read -r v; do
        case $v in
        *'{{LINE:'*)
            tag=${v#*\{\{LINE:}; tag=${tag%%\}\}*}
            line=$(grep -n "// @$tag\$\|// @$tag " "$src" | head -n 1 | cut -d: -f1)
            [ -n "$line" ] || { echo "no line tagged // @$tag in $src" >&2; exit 1; }
            echo "/src/$name:$line" ;;
        *) echo "$v" ;;
        esac
    done
}

# One replay: stdout, stderr and status in r$1.*
replay() {
    "$racecheck" --seed "$2" "$prog" >"$tmp/r$1.out" 2>"$tmp/r$1.err"
    echo $? >"$tmp/r$1.status"
}

same_as_first() {
    for part in out err status; do
        cmp -s "$tmp/r1.$part" "$tmp/r$1.$part" ||
            fail "replay $1 of seed $2: its std$part differs from replay 1's"
    done
}

case $mode in
find)
    kind=$(directive EXPLORE-KIND)
    text=$(directive EXPLORE-TEXT)
    sites=$(directive EXPLORE-SITE)
    [ -n "$kind" ] && [ -n "$text" ] && [ -n "$sites" ] || fail "$src: no EXPLORE- directives"
    "$racecheck" --explore $schedules --explore-seed "$seed" --format json \
        -o "$tmp/explore.json" "$prog" 2>"$tmp/explore.err"
    status=$?
    [ $status = 66 ] || [ $status = 2 ] ||
        fail "--explore $schedules: exit status $status, want 66 or 2 (something reported)"
    grep "\"kind\":\"$kind\"" "$tmp/explore.json" >"$tmp/found.json" ||
        fail "--explore $schedules --explore-seed $seed found no $kind report"
    # the first report of that kind naming every site
    match=
    while IFS= read -r report; do
        ok=yes
        for site in $sites; do
            case $report in *"$site"*) ;; *) ok= ;; esac
        done
        [ -n "$ok" ] && { match=$report; break; }
    done <"$tmp/found.json"
    [ -n "$match" ] || fail "no $kind report names every site of: $sites"
    found=$(echo "$match" | sed -n 's/.*"seed":\([0-9][0-9]*\),"replay":.*/\1/p')
    [ -n "$found" ] || fail "the $kind report has no seed"
    echo "found $kind with seed $found"
    i=1
    while [ $i -le $replays ]; do
        replay $i "$found"
        [ $i = 1 ] || same_as_first $i "$found"
        i=$((i + 1))
    done
    grep -qF -- "$text" "$tmp/r1.err" || fail "replay of seed $found: no '$text' on stderr"
    for site in $sites; do
        grep -qF -- "$site" "$tmp/r1.err" || fail "replay of seed $found: no $site on stderr"
    done
    [ "$(cat "$tmp/r1.status")" != 0 ] || fail "replay of seed $found: exit status 0"
    echo "replayed seed $found $replays times: the same report, byte for byte"
    ;;
clean)
    "$racecheck" --explore $schedules --explore-seed "$seed" "$prog" >/dev/null 2>"$tmp/explore.err"
    status=$?
    [ $status = 0 ] || fail "--explore $schedules: exit status $status, want 0"
    grep -q "explored $schedules schedule(s), .* 0 distinct bug(s)" "$tmp/explore.err" ||
        fail "--explore $schedules: not $schedules schedules without a report"
    replay 1 "$seed"
    replay 2 "$seed"
    same_as_first 2 "$seed"
    [ "$(cat "$tmp/r1.status")" = 0 ] || fail "replay of seed $seed: exit status not 0"
    echo "explored $schedules schedules: no report; seed $seed replays byte for byte"
    ;;
*)
    echo "usage: check.sh find|clean RACECHECK PROG SRC SEED" >&2
    exit 2
    ;;
esac
