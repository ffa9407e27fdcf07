// Redundant checks within one call-free stretch of a basic block are dropped:
// a write check covers reads of the same address, and identical checks are
// emitted once. Calls and atomics (possible synchronisation) end a stretch.
// (volatile keeps the optimiser from merging the accesses themselves.)
// RUN: %clang -O1 -fpass-plugin=%plugin -S -emit-llvm %s -o - | %FileCheck %s

volatile int v;
void ext(void);

// Read then write: only the write is checked.
// CHECK-LABEL: define {{.*}}@inc(
// CHECK-NOT: call void @__rc_read
// CHECK: load volatile i32
// CHECK-NOT: call void @__rc_read
// CHECK: call void @__rc_write4({{.*}}@v
// CHECK-NEXT: store volatile i32
// CHECK-NEXT: call void @__rc_func_exit
void inc(void) { v = v + 1; }

// Write then read: the read is covered too.
// CHECK-LABEL: define {{.*}}@write_read(
// CHECK: call void @__rc_write4({{.*}}@v
// CHECK-NEXT: store volatile i32 1
// CHECK-NEXT: load volatile i32
// CHECK-NEXT: call void @__rc_func_exit
int write_read(void) { v = 1; return v; }

// Two reads: one check.
// CHECK-LABEL: define {{.*}}@read_twice(
// CHECK: call void @__rc_read4({{.*}}@v
// CHECK-NEXT: load volatile i32
// CHECK-NEXT: load volatile i32
// CHECK-NOT: call void @__rc_read
// CHECK: ret i32
int read_twice(void) { return v + v; }

// Two writes: one check.
// CHECK-LABEL: define {{.*}}@write_twice(
// CHECK: call void @__rc_write4({{.*}}@v
// CHECK-NEXT: store volatile i32 1
// CHECK-NEXT: store volatile i32 2
void write_twice(void) { v = 1; v = 2; }

// A call in between: both reads are checked.
// CHECK-LABEL: define {{.*}}@split_by_call(
// CHECK: call void @__rc_read4({{.*}}@v
// CHECK-NEXT: load volatile i32
// CHECK-NEXT: call void @ext()
// CHECK-NEXT: call void @__rc_read4({{.*}}@v
// CHECK-NEXT: load volatile i32
int split_by_call(void) { int a = v; ext(); return a + v; }

// A fence in between: both reads are checked.
// CHECK-LABEL: define {{.*}}@split_by_fence(
// CHECK: call void @__rc_read4({{.*}}@v
// CHECK-NEXT: load volatile i32
// CHECK-NEXT: call void @__rc_atomic_thread_fence(i32 2)
// CHECK-NEXT: call void @__rc_read4({{.*}}@v
// CHECK-NEXT: load volatile i32
int split_by_fence(void) {
  int a = v;
  __atomic_thread_fence(__ATOMIC_ACQUIRE);
  return a + v;
}

// Different sizes at the same address are different checks.
// CHECK-LABEL: define {{.*}}@sizes_differ(
// CHECK: call void @__rc_read4(
// CHECK: call void @__rc_read1(
int sizes_differ(void) { return v + *(volatile char *)&v; }
