// Loop check coalescing (pass/LoopChecks.h): in a loop where nothing the
// runtime sees happens, an invariant address is checked once before the loop
// and a strided access with a known trip count becomes one range check; every
// loop below that breaks one of the conditions keeps its per-iteration check.
// -O1: loops are rotated and simplified but not vectorised or unrolled.
// RUN: %clang -O1 -fpass-plugin=%plugin -S -emit-llvm %s -o - | %FileCheck %s
// RACECHECK_COALESCE_LOOPS=0 turns it off: per-iteration checks everywhere.
// RUN: env RACECHECK_COALESCE_LOOPS=0 %clang -O1 -fpass-plugin=%plugin -S -emit-llvm %s -o - | %FileCheck --check-prefix=OFF %s

int g;
int arr[100];
_Atomic int flag;
void ext(void);

// Read and write of a[i]: one write range (covers the reads) before the loop,
// nothing checked inside it; the access-free loop polls.
// CHECK-LABEL: define {{.*}}@inc(
// CHECK: call void @__rc_write_range(
// CHECK-NOT: call void @__rc_{{read|write}}
// CHECK: call void @__rc_preempt_poll()
// CHECK-NOT: call void @__rc_{{read|write}}
// CHECK: {{^}}}
// OFF-LABEL: define {{.*}}@inc(
// OFF-NOT: __rc_{{read|write}}_range
// OFF: call void @__rc_write4(
// OFF-NOT: __rc_preempt_poll
// OFF: {{^}}}
void inc(int *a, long n) { for (long i = 0; i < n; i++) a[i]++; }

// A constant trip count: the exact range, 100 ints.
// CHECK-LABEL: define {{.*}}@fill_global(
// CHECK: call void @__rc_write_range({{.*}}@arr{{.*}}, i64 400)
// CHECK-NOT: call void @__rc_{{read|write}}
// CHECK: {{^}}}
void fill_global(void) { for (int i = 0; i < 100; i++) arr[i] = i; }

// Reads only: a read range.
// CHECK-LABEL: define {{.*}}@sum(
// CHECK: call void @__rc_read_range(
// CHECK-NOT: call void @__rc_{{read|write}}
// CHECK: {{^}}}
long sum(const int *a, long n) { long s = 0; for (long i = 0; i < n; i++) s += a[i]; return s; }

// Negative stride: the range starts at the last element written, a[0]
// (a + (n-1) - (n-1) ints, as expanded), and is n ints long.
// CHECK-LABEL: define {{.*}}@down(
// CHECK: [[N1:%.*]] = add i64 %1, -1
// CHECK: [[LEN:%.*]] = add nuw nsw i64 {{.*}}, 4
// CHECK: call void @__rc_write_range({{.*}}, i64 [[LEN]])
// CHECK-NOT: call void @__rc_{{read|write}}
// CHECK: {{^}}}
void down(int *a, long n) { for (long i = n - 1; i >= 0; i--) a[i] = 1; }

// Two stores that together cover each iteration's 8 bytes: one range.
// CHECK-LABEL: define {{.*}}@pairs(
// CHECK: call void @__rc_write_range(
// CHECK-NOT: call void @__rc_{{read|write}}
// CHECK: {{^}}}
void pairs(int *a, long n) { for (long i = 0; i < n; i++) { a[2*i] = 1; a[2*i+1] = 2; } }

// Stride 8, 4 bytes touched: a range would cover the odd elements the loop
// never touches (another goroutine may own them). Not coalesced.
// CHECK-LABEL: define {{.*}}@evens(
// CHECK-NOT: _range
// CHECK: call void @__rc_write4(
// CHECK: {{^}}}
void evens(int *a, long n) { for (long i = 0; i < n; i++) a[2*i] = 1; }

// Invariant address: g is read and written every iteration (a[i] may alias
// it, so it stays in memory): one write check of g before the loop, plus the
// read range of a.
// CHECK-LABEL: define {{.*}}@invariant(
// CHECK: call void @__rc_write4({{.*}}@g
// CHECK: call void @__rc_read_range(
// CHECK-NOT: call void @__rc_{{read|write}}
// CHECK: {{^}}}
// OFF-LABEL: define {{.*}}@invariant(
// OFF: call void @__rc_read4(
// OFF: call void @__rc_write4({{.*}}@g
void invariant(const int *a, long n) { for (long i = 0; i < n; i++) g += a[i]; }

// Early exit: how far the loop gets depends on the data. Not coalesced.
// CHECK-LABEL: define {{.*}}@find(
// CHECK-NOT: _range
// CHECK: call void @__rc_read4(
// CHECK-NOT: _range
// CHECK: {{^}}}
long find(const int *a, long n, int k) { for (long i = 0; i < n; i++) if (a[i] == k) return i; return -1; }

// Conditional access: only odd elements are written. Not coalesced.
// CHECK-LABEL: define {{.*}}@odd(
// CHECK-NOT: _range
// CHECK: call void @__rc_write4(
// CHECK: {{^}}}
void odd(int *a, long n) { for (long i = 0; i < n; i++) if (i & 1) a[i] = 0; }

// A call in the loop may synchronise: every iteration is checked, and the
// invariant g too.
// CHECK-LABEL: define {{.*}}@calls(
// CHECK-NOT: _range
// CHECK: call void @__rc_write4(
// CHECK-NEXT: store i32 0
// CHECK-NEXT: call void @ext()
// CHECK: {{^}}}
void calls(int *a, long n) { for (long i = 0; i < n; i++) { a[i] = 0; ext(); } }

// So may an atomic (it becomes a runtime call): not coalesced.
// CHECK-LABEL: define {{.*}}@with_atomic(
// CHECK-NOT: _range
// CHECK: call void @__rc_write4(
// CHECK: call i32 @__rc_atomic32_fetch_add(
// CHECK: {{^}}}
void with_atomic(int *a, long n) { for (long i = 0; i < n; i++) { a[i] = 0; flag += 1; } }

// The bound is reloaded from memory the loop may write (a[i] may alias *n):
// no computable trip count, so a[i] is checked per iteration. The load of *n
// itself has an invariant address and is checked once before the loop.
// CHECK-LABEL: define {{.*}}@bound_in_memory(
// CHECK-NOT: _range
// CHECK: call void @__rc_write4(
// CHECK-NOT: _range
// CHECK: {{^}}}
void bound_in_memory(int *a, int *n) { for (int i = 0; i < *n; i++) a[i] = 0; }

// An invariant access that not every iteration reaches (g only when a[i] is
// set) is not hoisted: the loop may never touch g.
// CHECK-LABEL: define {{.*}}@cond_invariant(
// CHECK: call void @__rc_read_range(
// CHECK: call void @__rc_write4({{.*}}@g
// CHECK-NEXT: store i32 1, {{.*}}@g
// CHECK: {{^}}}
void cond_invariant(const int *a, long n) { for (long i = 0; i < n; i++) if (a[i]) g = 1; }
