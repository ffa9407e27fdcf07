#!/bin/sh
# Installs what racecheck needs on Debian 12 (bookworm) from Debian's packages:
# clang/LLVM 14 (compiler, pass API, FileCheck, llvm-symbolizer, compiler-rt for the
# sanitizer builds), clang/LLVM 19 (scripts/test.sh builds the pass against it too),
# CMake + Ninja, libunwind, uthash, and Go (the benchmarks' peer).
# pkg-config and groff (tests/install: the installed .pc files and man page).
set -eu
PKGS="clang-14 llvm-14-dev llvm-14-tools libclang-rt-14-dev clang-19 llvm-19-dev llvm-19-tools cmake ninja-build libunwind-dev uthash-dev golang-go pkg-config groff-base"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "installing:$missing"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi

# Microsoft's SARIF Multitool (npm: @microsoft/sarif-multitool-linux), the validator
# GitHub's own SARIF checks use: tests/cli/sarif_official.sh validates racecheck's SARIF
# with it against the SARIF 2.1.0 schema and GitHub code scanning's ingestion rules. Only
# the tests use it; without npm or the registry, that test is left out (CMake says so).
tool=.deps/sarif-multitool
if [ ! -x "$tool/package/Sarif.Multitool" ] && command -v npm >/dev/null 2>&1; then
  mkdir -p "$tool"
  if (cd "$tool" && npm pack --silent @microsoft/sarif-multitool-linux@5.7.0 >/dev/null 2>&1 &&
      tar xzf microsoft-sarif-multitool-linux-5.7.0.tgz && rm -f ./*.tgz); then
    chmod +x "$tool/package/Sarif.Multitool"
  else
    echo "note: could not fetch the SARIF validator from npm; tests/cli/sarif_official is skipped"
  fi
fi
