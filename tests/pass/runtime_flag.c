// racecheck.h's inline Mutex fast paths test rc_hooks_active with a relaxed
// load; the pass leaves that load alone (the runtime writes it once before main),
// but still checks other relaxed atomic loads and stronger loads of it.
// RUN: %clang -O2 -fpass-plugin=%plugin -S -emit-llvm %s -o - | %FileCheck %s

struct rc_hooks;
extern const struct rc_hooks *rc_hooks_active;
extern long other;

// CHECK-LABEL: define {{.*}}@hooks_relaxed(
// CHECK-NOT: __rc_atomic64_load
// CHECK: ret
int hooks_relaxed(void) {
  return __atomic_load_n(&rc_hooks_active, __ATOMIC_RELAXED) != 0;
}

// CHECK-LABEL: define {{.*}}@hooks_acquire(
// CHECK: call {{.*}}@__rc_atomic64_load
int hooks_acquire(void) {
  return __atomic_load_n(&rc_hooks_active, __ATOMIC_ACQUIRE) != 0;
}

// CHECK-LABEL: define {{.*}}@other_relaxed(
// CHECK: call {{.*}}@__rc_atomic64_load
long other_relaxed(void) { return __atomic_load_n(&other, __ATOMIC_RELAXED); }
