// What cannot race is not checked: stack slots whose address never escapes
// (capture tracking) and read-only globals. -O0 keeps every local in memory,
// so this is where the filter matters most.
// RUN: %clang -O0 -fno-discard-value-names -fpass-plugin=%plugin -S -emit-llvm %s -o - | %FileCheck %s

void ext(int *);
int *leak;
const int cg = 5;
const char msg[] = "hello";
int shared;

// Locals and parameters spilled to non-escaping allocas: nothing to check,
// and with no call either, not even entry/exit hooks.
// CHECK-LABEL: define {{.*}}@private_locals(
// CHECK-NOT: call void @__rc_
// CHECK: ret i32
int private_locals(int x) { int a[4]; a[0] = x; a[1] = a[0] + 1; return a[1]; }

// Address passed to a call: escapes, so every access is checked.
// CHECK-LABEL: define {{.*}}@escapes_via_call(
// CHECK: call void @__rc_write4(
// CHECK-NEXT: store i32 1, {{.*}}%a
// CHECK: call void @ext(
// CHECK: call void @__rc_read4(
// CHECK-NEXT: load i32, {{.*}}%a
int escapes_via_call(void) { int a = 1; ext(&a); return a; }

// Address stored to a global: escapes too.
// CHECK-LABEL: define {{.*}}@escapes_via_store(
// CHECK: call void @__rc_write4(
// CHECK-NEXT: store i32 2, {{.*}}%b
void escapes_via_store(void) { int b; leak = &b; b = 2; leak = 0; }

// Constant globals and string literals are read-only; a mutable global is not.
// (clang folds `cg` itself; the load through the index into msg stays.)
// CHECK-LABEL: define {{.*}}@read_only(
// CHECK: %arrayidx = getelementptr {{.*}}@msg
// CHECK-NOT: call void @__rc_read
// CHECK: load i8, {{.*}}%arrayidx
// CHECK-NOT: call void @__rc_read
// CHECK: call void @__rc_read4({{.*}}@shared
// CHECK-NEXT: load i32, {{.*}}@shared
// CHECK-NOT: call void @__rc_read
// CHECK: ret i32
int read_only(int i) { return cg + msg[i] + shared; }
