#!/bin/sh
# ci_workflow.sh: docs/CI.md's GitHub Actions workflow, run here as the runner would run
# it (registered by CMakeLists.txt here as install/ci-workflow). The steps and their
# commands are read from the doc (the first ```yaml block: the workflow; the block after
# "### A CMake project": its CMake step), so editing the doc changes what runs.
#
# Emulated: the workflow's env, GITHUB_PATH (prepended to PATH after each step), GitHub's
# default shell (bash -e), a step failing skips the later steps without always(), and
# a cache miss. The toolchain step (apt-get) is not run: its packages must be installed
# here. The step that builds racecheck copies the tree under test where it clones
# RACECHECK_GIT (its other commands run as written). /opt/racecheck and /tmp/racecheck
# are moved under a temporary directory, outside which nothing is written. The user's
# checkout is ciproj/ here: its one test has a data race, so the run step must exit 66,
# print the annotation and write the SARIF the upload step would send.
#
#   RC_TOP        the source tree under test    RC_SRC  this directory (ciproj/)
#   RC_MULTITOOL  Microsoft's SARIF Multitool (optional: validates the SARIF if there)
set -u
fail() { echo "FAIL (ci-workflow): $*" >&2; exit 1; }
doc=$RC_TOP/docs/CI.md
[ -f "$doc" ] || fail "no $doc"
T=$(mktemp -d "${TMPDIR:-/tmp}/rc-ci.XXXXXX") || fail "mktemp"
T=$(realpath "$T")   # racecheck cc reports resolved paths
trap 'rm -rf "$T"' EXIT
# a runner starts clean: nothing from the caller's build environment
unset CC CXX CFLAGS CXXFLAGS CPPFLAGS LDFLAGS MAKEFLAGS MFLAGS MAKELEVEL CMAKE_GENERATOR \
      CMAKE_PREFIX_PATH RCRACE RCSCHED
# the doc's `cmake --build` has no -j: keep to the machine's two cores
export CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-2}
if command -v bash >/dev/null; then shell="bash -e"; else shell="sh -e"; fi

# steps HEADING DIR: the run steps of the first ```yaml block after the line HEADING (the
# file's first block if HEADING is empty), under `steps:` or, for a fragment that starts
# with a list, its top-level items. Step N's script goes to DIR/N.run; DIR/index gets
# "N<tab>key<tab>value" for each of its other keys (nested ones as parent.key), and
# "env<tab>NAME<tab>value" for the workflow's env. Only the YAML the doc uses is read:
# plain scalars (comments removed) and `run: |` literal blocks.
steps() {
  mkdir -p "$2"
  awk -v after="$1" -v dir="$2" '
    function ind(s) { match(s, /^ */); return RLENGTH }
    function plain(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+#.*$/, "", s); sub(/[ \t]+$/, "", s); return s }
    function bad(m) { print "line " NR ": " m > "/dev/stderr"; err = 1; exit 1 }
    BEGIN { state = after == "" ? "seek" : "heading" }
    state == "heading" { if ($0 == after) state = "seek"; next }
    state == "seek" { if ($0 ~ /^```yaml[ \t]*$/) { state = "in"; first = 1; item = -1 }; next }
    state != "in" { next }
    /^```/ { state = "done"; next }
    {
      line = $0; i = ind(line)
      if (inrun) {   # a literal block: deeper lines, blank lines kept between them
        if (line ~ /^[ \t]*$/) { blanks = blanks "\n"; next }
        if (i > runkey) {
          if (bi < 0) bi = i
          if (i < bi) bad("run: | line less indented than the first")
          printf "%s%s\n", blanks, substr(line, bi + 1) > runfile
          blanks = ""; next
        }
        inrun = 0
      }
      if (line ~ /^[ \t]*(#.*)?$/) next
      if (line ~ /\t/) bad("tab in YAML")
      if (first) { first = 0; if (line ~ /^ *- /) insteps = 1 }
      if (i == 0) { inenv = (line ~ /^env:[ \t]*$/); if (!insteps) next }
      if (inenv && i > 0) {
        if (!match(line, /^ *[A-Za-z_][A-Za-z0-9_]*:/)) bad("env entry")
        printf "env\t%s\t%s\n", plain(substr(line, 1, RLENGTH - 1)), plain(substr(line, RLENGTH + 1))
        next
      }
      if (line ~ /^ *steps:[ \t]*$/) { insteps = 1; item = -1; next }
      if (!insteps) next
      if (item < 0) { if (line !~ /^ *- /) bad("steps: no list"); item = i }
      if (i < item || (i == item && line !~ /^ *- /)) { insteps = 0; next }
      if (i == item) { n++; keyi = i + 2; line = substr(line, 1, i) " " substr(line, i + 2); parent = "" }
      if (!match(line, /^ *[A-Za-z_][A-Za-z0-9_-]*:/)) bad("not a key: " line)
      key = plain(substr(line, 1, RLENGTH - 1)); val = substr(line, RLENGTH + 1)
      if (i > keyi) { printf "%d\t%s.%s\t%s\n", n, parent, key, plain(val); next }
      parent = key
      if (key != "run") { printf "%d\t%s\t%s\n", n, key, plain(val); next }
      runfile = dir "/" n ".run"
      if (val ~ /^[ \t]*\|[ \t]*$/) { inrun = 1; runkey = keyi; bi = -1; blanks = ""; next }
      val = plain(val)
      if (val ~ /^["\047>|]/ || val == "") bad("run: only plain scalars and | blocks are read")
      print val > runfile
    }
    END { if (!err && n == 0) { print "no steps found" > "/dev/stderr"; exit 1 } }
  ' "$doc" > "$2/index" || fail "reading the steps of docs/CI.md (${1:-first yaml block})"
}
# get DIR N KEY: step N's KEY ("" if it has none)
get() { awk -F '\t' -v n="$2" -v k="$3" '$1 == n && $2 == k { sub(/^[^\t]*\t[^\t]*\t/, ""); print; exit }' "$1/index"; }
last() { awk -F '\t' '$1 ~ /^[0-9]+$/ { n = $1 } END { print n + 0 }' "$1/index"; }
# the doc's paths, moved under $T. Any other absolute path but the doc's clang is refused:
# an edited doc must not make the test write outside $T.
relocate() {
  ! sed -E 's#(/opt/racecheck|/tmp/racecheck|/usr/lib/llvm-14/bin/clang)[^ ";]*##g' "$1" |
    grep -qE '(^|[ ="'"'"';:])/' || fail "$1: a path outside /opt/racecheck and /tmp/racecheck"
  sed -e "s|/opt/racecheck|$T/opt/racecheck|g" -e "s|/tmp/racecheck|$T/tmp/racecheck|g" "$1"
}

# run_step DIR N WORKSPACE: step N's script (already rewritten to DIR/N.sh) as the
# runner runs it; its output in DIR/N.out and DIR/N.err, its status in $status
run_step() {
  : > "$T/github_path"
  (cd "$3" && env GITHUB_PATH="$T/github_path" GITHUB_WORKSPACE="$3" GITHUB_ACTIONS=true \
     CI=true $shell "$1/$2.sh") > "$1/$2.out" 2> "$1/$2.err"
  status=$?
  while IFS= read -r p; do [ -n "$p" ] && PATH=$p:$PATH; done < "$T/github_path"
  export PATH
}
show() { echo "--- step $2 ($(get "$1" "$2" name)), status $status:" >&2; cat "$1/$2.sh" >&2
         echo "--- stdout:" >&2; cat "$1/$2.out" >&2; echo "--- stderr:" >&2; cat "$1/$2.err" >&2; }

# The tree under test, for the clone command: the files git knows or would add (its
# uncommitted changes included), else everything but .git, .deps and build directories.
cat > "$T/copy-source" <<EOF
#!/bin/sh
set -e
mkdir -p "\$1"
cd "$RC_TOP"
if git rev-parse --show-toplevel >/dev/null 2>&1 && [ "\$(git rev-parse --show-toplevel)" = "\$(pwd -P)" ]; then
  git ls-files -c -o --exclude-standard | while IFS= read -r f; do [ ! -e "\$f" ] || echo "\$f"; done > "$T/source-files"
  tar -cf - -T "$T/source-files" | tar -xf - -C "\$1"
else
  tar -cf - --exclude=./.git --exclude='./build*' --exclude=./.deps . | tar -xf - -C "\$1"
fi
EOF

# ---- the workflow
S=$T/steps
steps "" "$S"
ws=$T/checkout                # actions/checkout: the user's repository
cp -R "$RC_SRC" "$ws" || fail "copy ciproj"
race_line=$(grep -n '// @race' "$ws/tests/all_tests.c" | cut -d: -f1)
while IFS='	' read -r k name value; do
  [ "$k" = env ] && export "$name=$value"
done < "$S/index"
[ -n "${RACECHECK_REF:-}" ] || fail "the workflow's env sets no RACECHECK_REF"

cache_id=""
failed=""   # the first step that failed: later steps run only if always()
built=no ran=no uploaded=no
n=0 steps_n=$(last "$S")
while [ $n -lt "$steps_n" ]; do
  n=$((n + 1))
  name=$(get "$S" $n name) uses=$(get "$S" $n uses) cond=$(get "$S" $n if)
  if [ -n "$failed" ] && ! echo "$cond" | grep -q 'always()'; then continue; fi
  if [ -n "$uses" ]; then
    case $uses in
    actions/checkout@*) ;;     # $ws is the checkout
    actions/cache@*)           # a miss: it must keep what the build step installs
      [ "$(get "$S" $n with.path)" = /opt/racecheck ] || fail "step $n caches $(get "$S" $n with.path), not /opt/racecheck"
      cache_id=$(get "$S" $n id) ;;
    github/codeql-action/upload-sarif@*)
      file=$(get "$S" $n with.sarif_file)
      echo "$cond" | grep -qF "always() && hashFiles('$file') != ''" ||
        fail "upload step: if: $cond (want always() && hashFiles('$file') != '')"
      [ -s "$ws/$file" ] || fail "upload step: $file missing or empty: hashFiles('$file') would be ''"
      [ "$ran" = yes ] || fail "upload step before the run step"
      uploaded=$file ;;
    *) fail "step $n uses $uses: not emulated" ;;
    esac
    continue
  fi
  [ -f "$S/$n.run" ] || fail "step $n ($name) has neither uses: nor run:"
  ! grep -qF '${{' "$S/$n.run" || fail "step $n ($name): \${{ }} in run: is not emulated"
  case $cond in
  "") ;;
  "steps.$cache_id.outputs.cache-hit != 'true'") ;;   # the cache missed
  *) fail "step $n ($name): if: $cond is not emulated" ;;
  esac
  # the toolchain and racecheck steps are known by what they do, not by their names
  if grep -q 'apt-get' "$S/$n.run"; then kind=toolchain
  elif grep -q '^git clone ' "$S/$n.run"; then kind=racecheck
  else kind=other; fi
  case $kind in
  toolchain)     # not run: the packages it installs must be here already
    pkgs=$(sed -e ':a' -e '/\\$/{N;s/\\\n//;ba' -e '}' "$S/$n.run" |
           sed -n 's/.*apt-get install //p' | tr ' ' '\n' | grep -v '^-' | grep .)
    [ -n "$pkgs" ] || fail "step $n: no apt-get install"
    command -v dpkg-query >/dev/null || pkgs=""   # not Debian: nothing to compare with
    for p in $pkgs; do
      dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' ||
        fail "step $n installs $p: not a package installed here"
    done
    continue ;;
  racecheck)
    grep -c '^git clone .* /tmp/racecheck$' "$S/$n.run" | grep -qx 1 ||
      fail "step $n: no single 'git clone ... /tmp/racecheck' line"
    relocate "$S/$n.run" > "$S/$n.moved"
    sed "s|^git clone .*|sh $T/copy-source $T/tmp/racecheck|" "$S/$n.moved" > "$S/$n.sh"
    built=yes ;;
  other) relocate "$S/$n.run" > "$S/$n.sh" ;;
  esac
  run_step "$S" $n "$ws"
  case $name in
  "Run the tests under racecheck")
    ran=yes
    [ "$status" = 66 ] || { show "$S" $n; fail "the run step exited $status, want 66"; }
    grep -qx 'test_two_visitors: ok' "$S/$n.out" || { show "$S" $n; fail "the tests' output is not passed through"; }
    # with -o the reports are in the SARIF and, by --github, in the annotation only
    grep -q "^::error file=tests/all_tests.c,line=$race_line,title=Data race::Data race on global 'visits.*%0AWARNING: DATA RACE%0A" "$S/$n.out" ||
      { show "$S" $n; fail "no ::error annotation for tests/all_tests.c:$race_line"; }
    failed=$n ;;
  *)
    [ "$status" = 0 ] || { show "$S" $n; fail "step $n ($name) exited $status"; } ;;
  esac
done
[ "$built" = yes ] || fail "no step that builds racecheck (git clone ... /tmp/racecheck)"
[ -x "$T/opt/racecheck/bin/racecheck" ] || fail "the build step installed no bin/racecheck"
[ "$ran" = yes ] || fail "no 'Run the tests under racecheck' step"
[ -n "$uploaded" ] || fail "no upload-sarif step ran"

# the SARIF the upload sends: a data-race result whose first location is the racy line,
# relative to the checkout (code scanning matches it against the repository)
sarif=$ws/$uploaded
awk -v line="$race_line" '
  /"ruleId": "data-race"/ { r = 1 }
  r && /"locations": \[/ { l = 1 }
  l && /"uri":/ { u = $0; gsub(/[ ",]/, "", u); sub(/^uri:/, "", u) }
  l && /"startLine":/ { s = $0; gsub(/[^0-9]/, "", s); ok = (u == "tests/all_tests.c" && s == line); exit }
  END { exit !ok }' "$sarif" || { cat "$sarif" >&2; fail "SARIF: no data-race result at tests/all_tests.c:$race_line"; }
grep -qF '"uriBaseId": "%SRCROOT%"' "$sarif" || fail "SARIF: relative uri without %SRCROOT%"
if [ -x "${RC_MULTITOOL:-}" ]; then   # as tests/cli/sarif_official.sh checks it
  "$RC_MULTITOOL" validate --rule-kind "Gh;Sarif" "$sarif" > "$T/multitool.log" 2>&1
  if grep -q ' error ' "$T/multitool.log" || ! grep -q 'Analysis completed successfully' "$T/multitool.log"; then
    cat "$T/multitool.log" >&2; fail "the SARIF Multitool rejects racecheck.sarif"
  fi
  echo "racecheck.sarif: valid (SARIF Multitool)"
fi

# ---- "A CMake project": the same checkout as a CMake project, with the installed racecheck
C=$T/cmake-steps
steps "### A CMake project" "$C"
[ "$(last "$C")" = 1 ] || fail "A CMake project: want one step, got $(last "$C")"
cws=$T/cmake-checkout
cp -R "$RC_SRC" "$cws" || fail "copy ciproj"
relocate "$C/1.run" > "$C/1.sh"
run_step "$C" 1 "$cws"
# the build works and CTest fails the racy test, run under racecheck --github
[ "$status" != 0 ] || { show "$C" 1; fail "A CMake project: the step succeeded despite the race"; }
grep -q 'all_tests .*\*\*\*Failed' "$C/1.out" || { show "$C" 1; fail "A CMake project: all_tests did not fail"; }
grep -qF 'WARNING: DATA RACE' "$C/1.out" || { show "$C" 1; fail "A CMake project: no race report"; }
grep -q "^::error file=.*tests/all_tests.c,line=$race_line," "$C/1.out" ||
  { show "$C" 1; fail "A CMake project: no ::error annotation (the test did not run under racecheck --github)"; }

echo "docs/CI.md: $steps_n workflow steps and the CMake step ran as documented"
exit 0
