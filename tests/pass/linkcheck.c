// Every instrumented module gets a constructor calling the symbol only the
// detector runtime defines, so forgetting the runtime fails at link time.
// RUN: %clang -O2 -fpass-plugin=%plugin -S -emit-llvm %s -o - | %FileCheck %s
// RUN: %clang -O0 -fpass-plugin=%plugin -S -emit-llvm %s -o - | %FileCheck %s
// RUN: %clang -O1 -fpass-plugin=%plugin -c %s -o %t.o
// RUN: %not %clang %t.o -o %t.exe 2>&1 | %FileCheck --check-prefix=LINK %s
// Without the plugin the same program links fine (the failure is ours):
// RUN: %clang -O1 %s -o %t.plain.exe

// CHECK: @llvm.global_ctors = appending global [1 x { i32, {{.*}} }] [{ i32, {{.*}} } { i32 0, {{.*}}@__rc_module_ctor{{.*}} }]
// CHECK-LABEL: define internal void @__rc_module_ctor()
// CHECK-NEXT: call void @__rc_abi_v1_link_with_racecheck_race_runtime()
// CHECK-NEXT: ret void
// LINK: undefined reference to `__rc_abi_v1_link_with_racecheck_race_runtime'

int main(void) { return 0; }
