// __rc_preempt_poll() goes at the header of every loop that has neither a
// call nor an instrumented access, so such a loop still enters the runtime.
// RUN: %clang -O2 -fpass-plugin=%plugin -S -emit-llvm %s -o - | %FileCheck %s
// RUN: %clang -O0 -fpass-plugin=%plugin -S -emit-llvm %s -o - | %FileCheck --check-prefix=O0 %s

int flag, data;
void ext(void);

// for(;;){}: an empty infinite loop.
// CHECK-LABEL: define {{.*}}@spin_forever(
// CHECK: [[HDR:[0-9]+]]:
// CHECK-NEXT: call void @__rc_preempt_poll()
// CHECK-NEXT: br label %[[HDR]]
// O0-LABEL: define {{.*}}@spin_forever(
// O0: call void @__rc_preempt_poll()
void spin_forever(void) { for (;;) {} }

// A spin on a plain load that -O2 hoisted out of the loop: the load is checked
// once before the loop and the now access-free loop polls.
// CHECK-LABEL: define {{.*}}@spin_hoisted(
// CHECK: call void @__rc_read4({{.*}}@flag
// CHECK: [[L:[0-9]+]]:
// CHECK-NEXT: call void @__rc_preempt_poll()
// CHECK-NEXT: br label %[[L]]
// (At -O0 the loop reads the private copy `f`: unchecked, so it polls too.)
// O0-LABEL: define {{.*}}@spin_hoisted(
// O0: call void @__rc_preempt_poll()
void spin_hoisted(void) { int f = flag; while (!f) {} data = 1; }

// At -O0 a spin on the global itself reads one address and does nothing else
// the runtime sees: the check moves before the loop (loops.c) and the loop,
// now access-free, polls.
// O0-LABEL: define {{.*}}@spin_on_global(
// O0: call void @__rc_read4({{.*}}@flag
// O0-NOT: call void @__rc_read4
// O0: call void @__rc_preempt_poll()
// O0-NOT: call void @__rc_read4
// O0: ret void
void spin_on_global(void) { while (!flag) {} }

// Inline asm is not a call into the runtime: still polls.
// CHECK-LABEL: define {{.*}}@spin_pause(
// CHECK: call void @__rc_preempt_poll()
// CHECK-NEXT: call void asm sideeffect "pause"
void spin_pause(void) { for (;;) __asm__ volatile("pause"); }

// A loop with a call or with checked accesses needs no poll.
// CHECK-LABEL: define {{.*}}@calls(
// CHECK-NOT: __rc_preempt_poll
// CHECK: ret void
void calls(int n) { for (int i = 0; i < n; i++) ext(); }
// (The bound is reloaded every iteration, as a[i] may alias *n, so the trip
// count is unknown and the store is checked in the loop.)
// CHECK-LABEL: define {{.*}}@stores(
// CHECK-NOT: __rc_preempt_poll
// CHECK: call void @__rc_write4(
// CHECK-NOT: __rc_preempt_poll
// CHECK: {{^}}}
void stores(int *a, int *n) { for (int i = 0; i < *n; i++) a[i] = i; }
// A loop whose checks all became one range check before it is access-free:
// it polls like any other.
// CHECK-LABEL: define {{.*}}@coalesced(
// CHECK: call void @__rc_write_range(
// CHECK: call void @__rc_preempt_poll()
// CHECK: ret void
void coalesced(int *a, int n) { for (int i = 0; i < n; i++) a[i] = i; }
// Only accesses to private memory: not instrumented, so it polls.
// O0-LABEL: define {{.*}}@private_loop(
// O0: call void @__rc_preempt_poll()
// O0-NOT: call void @__rc_{{read|write}}
// O0: ret i32
int private_loop(int n) { int s = 0; for (int i = 0; i < n; i++) s += i; return s; }
