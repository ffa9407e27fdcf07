#!/bin/sh
# Installs what racecheck needs on Debian 12 (bookworm) from Debian's packages:
# clang/LLVM 14 (compiler, pass API, FileCheck, llvm-symbolizer, compiler-rt for the
# sanitizer builds), CMake + Ninja, libunwind, uthash, and Go (the benchmarks' peer).
# pkg-config and groff (tests/install: the installed .pc files and man page).
set -eu
PKGS="clang-14 llvm-14-dev llvm-14-tools libclang-rt-14-dev cmake ninja-build libunwind-dev uthash-dev golang-go pkg-config groff-base"
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
