#!/bin/sh
# run.sh STEP: one end-to-end test of an installed racecheck (registered by
# CMakeLists.txt here, which sets the RC_* variables below). `setup` installs the build
# into RC_PREFIX, `cleanup` removes it; every other step uses only the installed tree
# and works in a temporary directory it removes. Exits 0 or 1 with what failed.
#
#   RC_BUILD   the build tree          RC_PREFIX  the install prefix (removed by cleanup)
#   RC_LIBDIR  CMAKE_INSTALL_LIBDIR    RC_SRC     this directory (racy.c, consumer/)
#   RC_CLANG   the pass's clang        RC_CMAKE, RC_GENERATOR  for the consumer project
set -u
step=$1

fail() { echo "FAIL ($step): $*" >&2; exit 1; }

# expect STATUS FILE-PREFIX CMD...: runs CMD, its output into FILE-PREFIX.out/.err
expect() {
  want=$1 out=$2; shift 2
  "$@" >"$out.out" 2>"$out.err"
  got=$?
  if [ "$got" != "$want" ]; then
    echo "--- stdout:" >&2; cat "$out.out" >&2; echo "--- stderr:" >&2; cat "$out.err" >&2
    fail "$* exited $got, want $want"
  fi
}
has() { grep -qF -- "$2" "$1" || { cat "$1" >&2; fail "$1 lacks: $2"; }; }
lacks() { ! grep -qF -- "$2" "$1" || { cat "$1" >&2; fail "$1 has: $2"; }; }

# race PROG: under the installed racecheck, PROG reports racy.c's race and exits 66
race() {
  expect 66 "$W/run" "$RC_PREFIX/bin/racecheck" "$1"
  has "$W/run.err" "WARNING: DATA RACE"
  has "$W/run.err" "racy.c:$race_line"
  has "$W/run.err" "Found 1 data race(s)"
  has "$W/run.out" "hits = "
}
# clean PROG: PROG runs to the end without a report and exits 0
clean() {
  expect 0 "$W/run" "$RC_PREFIX/bin/racecheck" "$1"
  lacks "$W/run.err" "WARNING: DATA RACE"
  has "$W/run.out" "hits = 4000"
}
# instrumented OBJ-OR-PROG yes|no: whether it calls the detector's access hooks
instrumented() {
  if nm "$1" | grep -q ' __rc_write4$'; then is=yes; else is=no; fi
  [ "$is" = "$2" ] || fail "$1 instrumented: $is, want $2"
}

case $step in
setup)
  rm -rf "$RC_PREFIX"
  "$RC_CMAKE" --install "$RC_BUILD" --prefix "$RC_PREFIX" >/dev/null || fail "cmake --install"
  for f in bin/racecheck "$RC_LIBDIR/racecheck/libracecheck_pass.so" \
           "$RC_LIBDIR/libracecheck.a" "$RC_LIBDIR/libracecheck_race.a" include/racecheck.h \
           share/man/man1/racecheck.1 "$RC_LIBDIR/pkgconfig/racecheck.pc" \
           "$RC_LIBDIR/pkgconfig/racecheck-rt.pc" "$RC_LIBDIR/cmake/racecheck/racecheckConfig.cmake"; do
    [ -f "$RC_PREFIX/$f" ] || fail "not installed: $f"
  done
  exit 0 ;;
cleanup)
  rm -rf "$RC_PREFIX"
  exit 0 ;;
esac

[ -x "$RC_PREFIX/bin/racecheck" ] || fail "no installed racecheck in $RC_PREFIX (install/setup)"
W=$(mktemp -d "${TMPDIR:-/tmp}/rc-install.XXXXXX") || fail "mktemp"
W=$(realpath "$W")   # racecheck cc reports resolved paths
trap 'rm -rf "$W"' EXIT
cd "$W" || fail "cd $W"
cp "$RC_SRC/racy.c" . || fail "copy racy.c"
race_line=$(grep -n '// @race' racy.c | cut -d: -f1)
rc=$RC_PREFIX/bin/racecheck
prefix=$(realpath "$RC_PREFIX")
libdir=$prefix/$RC_LIBDIR

case $step in
cc) # build and link in one command; the fixed program is clean
  expect 0 "$W/cc" "$rc" cc racy.c -o racy
  race ./racy
  expect 0 "$W/cc" "$rc" cc -O2 -DRC_FIXED racy.c -o fixed
  clean ./fixed
  ;;

cc-steps) # compile-only and link separately; the exact clang command; a moved prefix
  expect 0 "$W/cc" "$rc" cc -c racy.c -o racy.o
  instrumented racy.o yes
  expect 0 "$W/cc" "$rc" cc racy.o -o racy
  race ./racy
  expect 0 "$W/cc" "$rc" cc -E racy.c -o racy.i   # racecheck.h found in the prefix
  has racy.i "rc_waitgroup_wait"
  # the command line, through a stand-in compiler that records it and exits 3
  printf '#!/bin/sh\nprintf "%%s\\n" "$@" > "%s/args"\nexit 3\n' "$W" > fakecc
  chmod +x fakecc
  expect 3 "$W/fake" env RACECHECK_CC="$W/fakecc" "$rc" cc -O1 racy.c -o racy
  printf '%s\n' "-fpass-plugin=$libdir/racecheck/libracecheck_pass.so" -g \
    -fno-omit-frame-pointer -I "$prefix/include" -O1 racy.c -o racy \
    "$libdir/libracecheck_race.a" > want.link
  head -n 10 args > got.link
  cmp -s want.link got.link || { diff want.link got.link >&2; fail "link command"; }
  tail -n +11 args | grep -qx -- -lunwind || { cat args >&2; fail "link deps"; }
  for only in -c -S -E -fsyntax-only; do
    expect 3 "$W/fake" env RACECHECK_CC="$W/fakecc" "$rc" cc "$only" racy.c
    lacks args libracecheck_race.a
    has args "-fpass-plugin=$libdir/racecheck/libracecheck_pass.so"
  done
  # the tree works wherever it is moved: paths are relative to the executable
  cp -a "$RC_PREFIX" moved || fail "copy prefix"
  expect 3 "$W/fake" env RACECHECK_CC="$W/fakecc" moved/bin/racecheck cc racy.c
  has args "-fpass-plugin=$W/moved/$RC_LIBDIR/racecheck/libracecheck_pass.so"
  has args "$W/moved/$RC_LIBDIR/libracecheck_race.a"
  ;;

cc-errors) # clang's diagnostics and exit status pass through
  expect 1 "$W/e" "$rc" cc -fno-such-flag racy.c -o racy
  has "$W/e.err" "unknown argument: '-fno-such-flag'"
  expect 1 "$W/e" "$rc" cc no_such_file.c -o x
  has "$W/e.err" "no such file or directory: 'no_such_file.c'"
  printf 'int main(void)\n{\n    return undeclared;\n}\n' > bad.c
  expect 1 "$W/e" "$rc" cc bad.c -o bad
  has "$W/e.err" "bad.c:3:12: error: use of undeclared identifier 'undeclared'"
  [ ! -e bad ] || fail "bad.c produced a program"
  # a missing plugin is said, not silently compiled without
  cp -a "$RC_PREFIX" broken && rm "broken/$RC_LIBDIR/racecheck/libracecheck_pass.so"
  expect 2 "$W/e" broken/bin/racecheck cc racy.c -o racy
  has "$W/e.err" "racecheck cc: cannot find the pass plugin"
  has "$W/e.err" "installed layout: no $W/broken/bin/../$RC_LIBDIR/racecheck/libracecheck_pass.so"
  ;;

cmake-package) # find_package(racecheck): racecheck::race and racecheck::runtime
  expect 0 "$W/conf" "$RC_CMAKE" -S "$RC_SRC/consumer" -B b -G "$RC_GENERATOR" \
    -DCMAKE_PREFIX_PATH="$RC_PREFIX" -DCMAKE_C_COMPILER="$RC_CLANG" -DRACY_SOURCE="$W/racy.c"
  lacks "$W/conf.err" "racecheck::race needs clang"
  has b/package.txt "plugin=$prefix/$RC_LIBDIR/racecheck/libracecheck_pass.so"
  has b/package.txt "exe=$prefix/bin/racecheck"
  expect 0 "$W/build" "$RC_CMAKE" --build b
  instrumented b/racy_race yes
  race b/racy_race
  instrumented b/racy_rt no
  expect 0 "$W/rt" b/racy_rt
  has "$W/rt.out" "hits = "
  ;;

pkg-config) # racecheck.pc (pass + detector) and racecheck-rt.pc (runtime alone)
  command -v pkg-config >/dev/null || fail "pkg-config not found (scripts/install-deps.sh installs it)"
  export PKG_CONFIG_PATH="$RC_PREFIX/$RC_LIBDIR/pkgconfig"
  [ "$(pkg-config --variable=clang racecheck)" = "$RC_CLANG" ] || fail "clang variable"
  cflags=$(pkg-config --cflags racecheck) && libs=$(pkg-config --libs racecheck) || fail "racecheck.pc"
  # word splitting of the flags is intended, as in a Makefile
  expect 0 "$W/cc" "$RC_CLANG" $cflags racy.c -o racy $libs
  instrumented racy yes
  race ./racy
  cflags=$(pkg-config --cflags racecheck-rt) && libs=$(pkg-config --libs racecheck-rt) || fail "racecheck-rt.pc"
  expect 0 "$W/cc" "$RC_CLANG" $cflags -DRC_FIXED racy.c -o fixed $libs
  instrumented fixed no
  expect 0 "$W/rt" ./fixed
  has "$W/rt.out" "hits = 4000"
  ;;

man) # the man page renders without warnings and names every option of --help
  page=$RC_PREFIX/share/man/man1/racecheck.1
  if command -v man >/dev/null; then
    expect 0 "$W/man" env MANPAGER=cat MANWIDTH=80 man -l "$page"
  elif command -v groff >/dev/null; then
    expect 0 "$W/man" groff -man -Tutf8 "$page"
  else
    fail "neither man nor groff is installed"
  fi
  has "$W/man.out" "racecheck cc"
  [ ! -s "$W/man.err" ] || { cat "$W/man.err" >&2; fail "warnings rendering the page"; }
  if command -v groff >/dev/null; then
    expect 0 "$W/groff" groff -man -Tutf8 -ww -z "$page"
    [ ! -s "$W/groff.err" ] || { cat "$W/groff.err" >&2; fail "groff warnings"; }
  fi
  expect 0 "$W/help" "$rc" --help
  for opt in $(grep -o -- '--[a-z][a-z-]*' "$W/help.out" | sort -u); do
    grep -q -- "$opt" "$W/man.out" || fail "man page lacks $opt (from racecheck --help)"
  done
  ;;

*) fail "unknown step" ;;
esac
exit 0
