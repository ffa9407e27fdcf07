#!/usr/bin/env bash
# Minimal lit-like driver for the racecheck pass tests (tests/pass/).
# Runs every "RUN:" line of TEST (after "//" or ";") through bash with
# pipefail, after substituting:
#   %clang %opt %FileCheck %not  tools of the LLVM the pass was built with
#   %plugin                      libracecheck_pass.so
#   %opaque                      -opaque-pointers on LLVM < 15 (lets one .ll
#                                 written with `ptr` run on LLVM 14 and 19)
#   %s  the test file            %t  a per-test scratch path prefix
# Usage: run-test.sh PLUGIN LLVM_BIN_DIR SCRATCH_DIR TEST
set -u -o pipefail
plugin=$1 bin=$2 scratch=$3 test=$4
name=$(basename "$test")
mkdir -p "$scratch"
tmp="$scratch/$name.tmp"
major=$("$bin/llvm-config" --version 2>/dev/null | cut -d. -f1)
opaque=""
if [ -n "$major" ] && [ "$major" -lt 15 ]; then opaque="-opaque-pointers"; fi

status=0
n=0
while IFS= read -r line; do
  cmd=${line#*RUN:}
  cmd=${cmd//%clang/$bin/clang}
  cmd=${cmd//%opt/$bin/opt}
  cmd=${cmd//%FileCheck/$bin/FileCheck}
  cmd=${cmd//%not/$bin/not}
  cmd=${cmd//%plugin/$plugin}
  cmd=${cmd//%opaque/$opaque}
  cmd=${cmd//%s/$test}
  cmd=${cmd//%t/$tmp}
  n=$((n + 1))
  echo "RUN[$n]: $cmd"
  if ! bash -o pipefail -c "$cmd"; then
    echo "FAILED: RUN line $n of $name"
    status=1
  fi
done < <(grep -E '^[[:space:]]*(//|;)[[:space:]]*RUN:' "$test")

if [ "$n" -eq 0 ]; then echo "no RUN lines in $test"; exit 1; fi
exit $status
