; Loop check coalescing on hand-written loop shapes clang -O1 does not leave
; behind (see loops.c for the C-level cases). Opaque pointers: runs on LLVM 14
; (%opaque) and 19.
; RUN: %opt %opaque -load-pass-plugin=%plugin -passes=racecheck -S %s -o - | %FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@g = global i32 0

; Exit test in the header, store after it: the store runs BTC = n times (not
; BTC + 1), and maybe never: the length is 4*n, forced to 0 when n = 0.
; CHECK-LABEL: @header_exit(
; CHECK: entry:
; CHECK: call void @__rc_func_entry(
; CHECK-NEXT: [[LEN:%.*]] = shl {{.*}}i64 %n, 2
; CHECK-NEXT: [[Z:%.*]] = icmp eq i64 %n, 0
; CHECK-NEXT: [[L:%.*]] = select i1 [[Z]], i64 0, i64 [[LEN]]
; CHECK-NEXT: call void @__rc_write_range(ptr %a, i64 [[L]])
; CHECK-NEXT: br label %head
; CHECK: head:
; CHECK-NEXT: %i = phi
; CHECK-NEXT: call void @__rc_preempt_poll()
; CHECK-NOT: call void @__rc_write
; CHECK: ret void
define void @header_exit(ptr %a, i64 %n) {
entry:
  br label %head
head:
  %i = phi i64 [ 0, %entry ], [ %i1, %body ]
  %done = icmp eq i64 %i, %n
  br i1 %done, label %exit, label %body
body:
  %p = getelementptr inbounds i32, ptr %a, i64 %i
  store i32 0, ptr %p
  %i1 = add nuw nsw i64 %i, 1
  br label %head
exit:
  ret void
}

; Guarded rotated loop whose only way in is a conditional branch: the check
; goes into a preheader made on the entry edge, never on the path that skips
; the loop.
; CHECK-LABEL: @no_preheader(
; CHECK: entry:
; CHECK-NOT: __rc_write
; CHECK: br i1 %c, label %[[PRE:[^,]*]], label %exit
; CHECK: [[PRE]]:
; CHECK-NEXT: [[N1:%.*]] = add i64 %n, -1
; CHECK-NEXT: [[B:%.*]] = shl {{.*}}i64 [[N1]], 2
; CHECK-NEXT: [[LEN:%.*]] = add {{.*}}i64 [[B]], 4
; CHECK-NEXT: call void @__rc_write_range(ptr %a, i64 [[LEN]])
; CHECK-NEXT: br label %loop
; CHECK: loop:
; CHECK-NOT: call void @__rc_write
; CHECK: ret void
define void @no_preheader(ptr %a, i64 %n) {
entry:
  %c = icmp sgt i64 %n, 0
  br i1 %c, label %loop, label %exit
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
  %p = getelementptr inbounds i32, ptr %a, i64 %i
  store i32 0, ptr %p
  %i1 = add nuw nsw i64 %i, 1
  %d = icmp eq i64 %i1, %n
  br i1 %d, label %exit, label %loop
exit:
  ret void
}

; A spin on a plain load of an invariant address (what -O0 leaves of
; `while (!g) {}`): checked once before the loop, which then polls.
; CHECK-LABEL: @spin(
; CHECK: entry:
; CHECK: call void @__rc_read4(ptr @g)
; CHECK-NEXT: br label %head
; CHECK: head:
; CHECK-NEXT: call void @__rc_preempt_poll()
; CHECK-NEXT: load i32, ptr @g
define void @spin() {
entry:
  br label %head
head:
  %v = load i32, ptr @g
  %z = icmp eq i32 %v, 0
  br i1 %z, label %head, label %exit
exit:
  ret void
}

; Invariant in both loops of a nest and run on every entry of both: hoisted
; out of the outer loop.
; CHECK-LABEL: @nested_invariant(
; CHECK: entry:
; CHECK: call void @__rc_write4(ptr @g)
; CHECK-NEXT: br label %outer
; CHECK-NOT: call void @__rc_write4
; CHECK: ret void
define void @nested_invariant(i64 %n) {
entry:
  br label %outer
outer:
  %j = phi i64 [ 0, %entry ], [ %j1, %outer.latch ]
  br label %inner
inner:
  %i = phi i64 [ 0, %outer ], [ %i1, %inner ]
  store i32 1, ptr @g
  %i1 = add i64 %i, 1
  %d = icmp eq i64 %i1, 10
  br i1 %d, label %outer.latch, label %inner
outer.latch:
  %j1 = add i64 %j, 1
  %e = icmp eq i64 %j1, %n
  br i1 %e, label %exit, label %outer
exit:
  ret void
}

; The outer loop exits before it reaches the inner loop when n = 0: the store
; is hoisted out of the inner loop only.
; CHECK-LABEL: @outer_may_skip(
; CHECK: entry:
; CHECK-NOT: call void @__rc_write4
; CHECK: inner.pre:
; CHECK-NEXT: call void @__rc_write4(ptr @g)
; CHECK-NEXT: br label %inner
define void @outer_may_skip(i64 %n) {
entry:
  br label %outer
outer:
  %j = phi i64 [ 0, %entry ], [ %j1, %outer.latch ]
  %skip = icmp eq i64 %j, %n
  br i1 %skip, label %exit, label %inner.pre
inner.pre:
  br label %inner
inner:
  %i = phi i64 [ 0, %inner.pre ], [ %i1, %inner ]
  store i32 1, ptr @g
  %i1 = add i64 %i, 1
  %d = icmp eq i64 %i1, 10
  br i1 %d, label %outer.latch, label %inner
outer.latch:
  %j1 = add i64 %j, 1
  br label %outer
exit:
  ret void
}

; A fence in the loop orders this thread's accesses: nothing moves.
; CHECK-LABEL: @with_fence(
; CHECK: loop:
; CHECK: call void @__rc_write4(
; CHECK-NEXT: store i32 0
; CHECK-NEXT: call void @__rc_atomic_thread_fence(i32 5)
define void @with_fence(ptr %a, i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
  %p = getelementptr inbounds i32, ptr %a, i64 %i
  store i32 0, ptr %p
  fence seq_cst
  %i1 = add nuw nsw i64 %i, 1
  %d = icmp eq i64 %i1, %n
  br i1 %d, label %exit, label %loop
exit:
  ret void
}
