; IR-level cases clang does not emit for C (pointer/float atomics, odd sizes,
; aggregates, syncscopes, musttail), via `opt -passes=racecheck`. Written with
; opaque pointers so the same file runs on LLVM 14 (%opaque) and 19.
; RUN: %opt %opaque -load-pass-plugin=%plugin -passes=racecheck -S %s -o - | %FileCheck %s
; Running the pass twice must not instrument twice:
; RUN: %opt %opaque -load-pass-plugin=%plugin -passes=racecheck,racecheck -S %s -o - | %FileCheck --check-prefix=ONCE %s
; ONCE-COUNT-1: call void @__rc_read_range(ptr %p, i64 3)
; ONCE-NOT: call void @__rc_read_range(ptr %p, i64 3)

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%triple = type { i32, i32, i32 }
@g = global i32 0
@llvm.used.fake = global i32 0

; CHECK-LABEL: @ptr_atomics(
; CHECK: [[L:%.*]] = call i64 @__rc_atomic64_load(ptr %p, i32 2)
; CHECK-NEXT: [[LP:%.*]] = inttoptr i64 [[L]] to ptr
; CHECK: [[V:%.*]] = ptrtoint ptr [[LP]] to i64
; CHECK-NEXT: call void @__rc_atomic64_store(ptr %q, i64 [[V]], i32 3)
; CHECK: [[E:%.*]] = ptrtoint ptr %p to i64
; CHECK: [[N:%.*]] = ptrtoint ptr %q to i64
; CHECK-NEXT: [[O:%.*]] = call i64 @__rc_atomic64_compare_exchange_val(ptr %q, i64 [[E]], i64 [[N]], i32 5, i32 2)
; CHECK-NEXT: [[OK:%.*]] = icmp eq i64 [[O]], [[E]]
; CHECK-NEXT: [[OP:%.*]] = inttoptr i64 [[O]] to ptr
; CHECK-NEXT: [[R0:%.*]] = insertvalue { ptr, i1 } {{undef|poison}}, ptr [[OP]], 0
; CHECK-NEXT: insertvalue { ptr, i1 } [[R0]], i1 [[OK]], 1
define ptr @ptr_atomics(ptr %p, ptr %q) {
  %l = load atomic ptr, ptr %p acquire, align 8
  store atomic ptr %l, ptr %q release, align 8
  %c = cmpxchg ptr %q, ptr %p, ptr %q seq_cst acquire
  %o = extractvalue { ptr, i1 } %c, 0
  ret ptr %o
}

; CHECK-LABEL: @float_atomics(
; CHECK: [[L:%.*]] = call i32 @__rc_atomic32_load(ptr %p, i32 0)
; CHECK-NEXT: [[F:%.*]] = bitcast i32 [[L]] to float
; CHECK: [[B:%.*]] = bitcast double %d to i64
; CHECK-NEXT: call void @__rc_atomic64_store(ptr %q, i64 [[B]], i32 5)
define float @float_atomics(ptr %p, ptr %q, double %d) {
  %l = load atomic float, ptr %p unordered, align 4
  store atomic double %d, ptr %q seq_cst, align 8
  ret float %l
}

; Read-modify-writes without an ABI entry (max/min/fadd...) are left alone.
; CHECK-LABEL: @no_abi_rmw(
; CHECK: atomicrmw max ptr %p, i32 1 seq_cst
; CHECK-NOT: __rc_atomic
; CHECK: ret
define i32 @no_abi_rmw(ptr %p) {
  %r = atomicrmw max ptr %p, i32 1 seq_cst
  ret i32 %r
}

; ...but they still synchronise, so they end a dedup stretch: both loads of
; %q are checked.
; CHECK-LABEL: @no_abi_rmw_is_barrier(
; CHECK: call void @__rc_read4(ptr %q)
; CHECK-NEXT: load i32, ptr %q
; CHECK-NEXT: atomicrmw umin ptr %p, i32 1 acq_rel
; CHECK-NEXT: call void @__rc_read4(ptr %q)
; CHECK-NEXT: load i32, ptr %q
define i32 @no_abi_rmw_is_barrier(ptr %p, ptr %q) {
  %a = load i32, ptr %q
  %r = atomicrmw umin ptr %p, i32 1 acq_rel
  %b = load i32, ptr %q
  %s = add i32 %a, %b
  ret i32 %s
}

; CHECK-LABEL: @fences(
; CHECK: call void @__rc_atomic_thread_fence(i32 3)
; CHECK-NEXT: call void @__rc_atomic_signal_fence(i32 2)
define void @fences() {
  fence release
  fence syncscope("singlethread") acquire
  ret void
}

; i24 (3 bytes) and a 12-byte aggregate -> range.
; Sizes are the store size, not the bit width.
; CHECK-LABEL: @odd_sizes(
; CHECK: call void @__rc_read_range(ptr %p, i64 3)
; CHECK-NEXT: load i24, ptr %p
; CHECK: call void @__rc_write_range(ptr %q, i64 12)
; CHECK-NEXT: store %triple
; CHECK: call void @__rc_read1(ptr %q)
; CHECK-NEXT: load i1, ptr %q
define void @odd_sizes(ptr %p, ptr %q) {
  %a = load i24, ptr %p, align 1
  store %triple { i32 1, i32 2, i32 3 }, ptr %q, align 4
  %b = load i1, ptr %q, align 1
  ret void
}

; A 16-byte vector store aligned to 4 is under-aligned for its size.
; CHECK-LABEL: @vec(
; CHECK: call void @__rc_unaligned_write16(ptr %p)
; CHECK: call void @__rc_write16(ptr %q)
define void @vec(ptr %p, ptr %q) {
  store <4 x i32> zeroinitializer, ptr %p, align 4
  store <4 x i32> zeroinitializer, ptr %q, align 16
  ret void
}

; musttail: the exit hook goes before the call, which must stay next to `ret`.
; CHECK-LABEL: @tail(
; CHECK: call void @__rc_func_exit()
; CHECK-NEXT: musttail call i32 @tail_callee(ptr %p)
; CHECK-NEXT: ret i32
declare i32 @tail_callee(ptr)
define i32 @tail(ptr %p) {
  store i32 0, ptr %p
  %r = musttail call i32 @tail_callee(ptr %p)
  ret i32 %r
}

; !nosanitize accesses, compiler-owned (llvm.*) globals and non-zero
; address spaces are not checked; the plain store to @g is.
; CHECK-LABEL: @skipped(
; CHECK-NOT: call void @__rc_{{read|write}}
; CHECK: call void @__rc_write4(ptr @g)
; CHECK-NEXT: store i32 3, ptr @g
; CHECK-NOT: call void @__rc_{{read|write}}
; CHECK: ret void
define void @skipped(ptr %p, ptr addrspace(1) %as1) {
  store i32 1, ptr %p, !nosanitize !0
  store i32 2, ptr @llvm.used.fake
  store i32 4, ptr addrspace(1) %as1
  store i32 3, ptr @g
  ret void
}

; Opted-out functions keep their body untouched.
; CHECK-LABEL: @opted_out(
; CHECK-NEXT: store i32 1, ptr %p
; CHECK-NEXT: ret void
define void @opted_out(ptr %p) disable_sanitizer_instrumentation {
  store i32 1, ptr %p
  ret void
}

; A 32-bit memset length is widened to size_t; the i8 fill becomes an int.
; CHECK-LABEL: @memset32(
; CHECK: [[N:%.*]] = zext i32 %n to i64
; CHECK-NEXT: call ptr @__rc_memset(ptr %d, i32 255, i64 [[N]])
; CHECK-NOT: @llvm.memset
; CHECK: ret void
declare void @llvm.memset.p0.i32(ptr, i8, i32, i1)
define void @memset32(ptr %d, i32 %n) {
  call void @llvm.memset.p0.i32(ptr %d, i8 -1, i32 %n, i1 false)
  ret void
}

; Memory attributes inferred earlier no longer hold once the runtime is called.
; CHECK-LABEL: define i32 @was_readonly(
; CHECK-SAME: [[ATTR:#[0-9]+]]
define i32 @was_readonly(ptr %p) noinline readonly nosync {
  %v = load i32, ptr %p
  ret i32 %v
}
; CHECK: attributes [[ATTR]] = {
; CHECK-NOT: {{readonly|nosync|memory\(}}
; CHECK-SAME: }

!0 = !{}
