// Function entry/exit hooks, at -O0 and -O2 (proves the pass runs in both
// clang pipelines), exclusions, and debug locations on inserted calls.
// RUN: %clang -O0 -fpass-plugin=%plugin -S -emit-llvm %s -o - | %FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -S -emit-llvm %s -o - | %FileCheck %s
// RUN: %clang -O0 -g -fpass-plugin=%plugin -S -emit-llvm %s -o - | %FileCheck --check-prefix=DBG %s
// RUN: %clang -O2 -g -fpass-plugin=%plugin -S -emit-llvm %s -o - | %FileCheck --check-prefix=DBG %s

int g;
void ext(void);

// CHECK-LABEL: define {{.*}}@work(
// CHECK: [[RA:%[0-9]+]] = call {{.*}} @llvm.returnaddress(i32 0)
// CHECK-NEXT: call void @__rc_func_entry({{.*}}[[RA]])
// CHECK: call void @__rc_write4(
// CHECK: call void @ext()
// CHECK: call void @__rc_func_exit()
// CHECK-NEXT: ret void
void work(void) { g = 1; ext(); }

// Every return gets an exit hook.
// CHECK-LABEL: define {{.*}}@two_returns(
// CHECK: call void @__rc_func_entry(
// CHECK: call void @__rc_func_exit()
// CHECK-NEXT: ret i32
int two_returns(int x) { if (x) { ext(); return 1; } g = 2; return 0; }

// A leaf touching no shared memory and calling nothing can never be on the
// stack of a runtime event: no hooks.
// CHECK-LABEL: define {{.*}}@leaf(
// CHECK-NOT: __rc_
// CHECK: ret i32
int leaf(int x) { return x * 3 + 1; }

// Opt-out attribute and the runtime's own functions are left alone.
// CHECK-LABEL: define {{.*}}@opted_out(
// CHECK-NOT: __rc_
// CHECK: ret void
__attribute__((disable_sanitizer_instrumentation)) void opted_out(void) { g = 3; ext(); }
// CHECK-LABEL: define {{.*}}@__rc_runtime_helper(
// CHECK-NOT: __rc_
// CHECK: ret void
void __rc_runtime_helper(void) { g = 4; ext(); }
// CHECK-LABEL: define {{.*}}@rc_helper(
// CHECK-NOT: __rc_
// CHECK: ret void
void rc_helper(void) { g = 5; ext(); }

// Inserted calls carry the source location of what they check; the entry hook
// gets the function's line.
// DBG-LABEL: define {{.*}}@located(
// DBG: call void @__rc_func_entry({{.*}}){{.*}}!dbg [[ENTRY:![0-9]+]]
// DBG: call void @__rc_write4({{.*}}){{.*}}!dbg [[STORE:![0-9]+]]
// DBG-NEXT: store i32 {{.*}}, !dbg [[STORE]]
// DBG: call void @__rc_func_exit(){{.*}}!dbg [[RET:![0-9]+]]
// DBG-NEXT: ret void, !dbg [[RET]]
void located(void)
{
  g = 7;
}
// DBG-DAG: [[ENTRY]] = !DILocation(line: [[@LINE-4]], scope: [[SP:![0-9]+]])
// DBG-DAG: [[SP]] = distinct !DISubprogram(name: "located"
// DBG-DAG: [[STORE]] = !DILocation(line: [[@LINE-4]], column: 5, scope: [[SP]])

// A dynamic alloca that escapes is reported right after it (its memory lies below
// the frame the entry hook saw); one that does not escape is not.
// CHECK-LABEL: define {{.*}}@vla_escapes(
// CHECK: [[V:%[a-z0-9.]+]] = alloca i8, i64
// CHECK: call void @__rc_stack_alloca({{.*}}[[V]]
void sink(char *);
void vla_escapes(int n) { char v[n]; sink(v); }

// CHECK-LABEL: define {{.*}}@vla_private(
// CHECK-NOT: __rc_stack_alloca
// CHECK: ret
int vla_private(int n) { volatile char v[n]; v[0] = 1; return v[0]; }
