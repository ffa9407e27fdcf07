// Atomics become the runtime calls that perform them, with C11 order numbers
// (0 relaxed, 2 acquire, 3 release, 4 acq_rel, 5 seq_cst; consume -> acquire).
// RUN: %clang -O1 -mcx16 -Wno-atomic-alignment -fpass-plugin=%plugin -S -emit-llvm %s -o - | %FileCheck %s
// No atomic instruction may survive (they are replaced, not annotated):
// RUN: %clang -O1 -mcx16 -Wno-atomic-alignment -fpass-plugin=%plugin -S -emit-llvm %s -o - | %FileCheck --check-prefix=GONE %s
// GONE-NOT: {{load atomic|store atomic|atomicrmw|cmpxchg| fence }}

unsigned char a8; unsigned short a16; unsigned a32; unsigned long a64;
unsigned __int128 a128;

// CHECK-LABEL: @loads(
// CHECK: call zeroext i8 @__rc_atomic8_load({{.*}}@a8{{.*}}, i32 0)
// CHECK: call zeroext i16 @__rc_atomic16_load({{.*}}@a16{{.*}}, i32 2)
// CHECK: call i32 @__rc_atomic32_load({{.*}}@a32{{.*}}, i32 2)
// CHECK: call i64 @__rc_atomic64_load({{.*}}@a64{{.*}}, i32 5)
// CHECK: call i128 @__rc_atomic128_load({{.*}}@a128{{.*}}, i32 5)
unsigned long loads(void) {
  return __atomic_load_n(&a8, __ATOMIC_RELAXED) +
         __atomic_load_n(&a16, __ATOMIC_CONSUME) +
         __atomic_load_n(&a32, __ATOMIC_ACQUIRE) +
         __atomic_load_n(&a64, __ATOMIC_SEQ_CST) +
         (unsigned long)__atomic_load_n(&a128, __ATOMIC_SEQ_CST);
}

// CHECK-LABEL: @stores(
// CHECK: call void @__rc_atomic8_store({{.*}}@a8{{.*}}, i8 zeroext 1, i32 0)
// CHECK: call void @__rc_atomic16_store({{.*}}@a16{{.*}}, i16 zeroext 2, i32 3)
// CHECK: call void @__rc_atomic32_store({{.*}}@a32{{.*}}, i32 3, i32 5)
// CHECK: call void @__rc_atomic64_store({{.*}}@a64{{.*}}, i64 4, i32 3)
// CHECK: call void @__rc_atomic128_store({{.*}}@a128{{.*}}, i128 5, i32 0)
void stores(void) {
  __atomic_store_n(&a8, 1, __ATOMIC_RELAXED);
  __atomic_store_n(&a16, 2, __ATOMIC_RELEASE);
  __atomic_store_n(&a32, 3, __ATOMIC_SEQ_CST);
  __atomic_store_n(&a64, 4, __ATOMIC_RELEASE);
  __atomic_store_n(&a128, 5, __ATOMIC_RELAXED);
}

// CHECK-LABEL: @rmws(
// CHECK: call i32 @__rc_atomic32_exchange({{.*}}@a32{{.*}}, i32 %0, i32 4)
// CHECK: call i32 @__rc_atomic32_fetch_add({{.*}}@a32{{.*}}, i32 %0, i32 0)
// CHECK: call i32 @__rc_atomic32_fetch_sub({{.*}}@a32{{.*}}, i32 %0, i32 2)
// CHECK: call i32 @__rc_atomic32_fetch_and({{.*}}@a32{{.*}}, i32 %0, i32 3)
// CHECK: call i32 @__rc_atomic32_fetch_or({{.*}}@a32{{.*}}, i32 %0, i32 5)
// CHECK: call i32 @__rc_atomic32_fetch_xor({{.*}}@a32{{.*}}, i32 %0, i32 4)
// CHECK: call i32 @__rc_atomic32_fetch_nand({{.*}}@a32{{.*}}, i32 %0, i32 5)
// CHECK: call zeroext i8 @__rc_atomic8_fetch_add({{.*}}@a8{{.*}}, i8 zeroext 1, i32 5)
// CHECK: call i64 @__rc_atomic64_exchange({{.*}}@a64{{.*}}, i64 7, i32 5)
unsigned rmws(unsigned v) {
  unsigned r = __atomic_exchange_n(&a32, v, __ATOMIC_ACQ_REL);
  r += __atomic_fetch_add(&a32, v, __ATOMIC_RELAXED);
  r += __atomic_fetch_sub(&a32, v, __ATOMIC_ACQUIRE);
  r += __atomic_fetch_and(&a32, v, __ATOMIC_RELEASE);
  r += __atomic_fetch_or(&a32, v, __ATOMIC_SEQ_CST);
  r += __atomic_fetch_xor(&a32, v, __ATOMIC_ACQ_REL);
  r += __atomic_fetch_nand(&a32, v, __ATOMIC_SEQ_CST);
  r += __atomic_fetch_add(&a8, 1, __ATOMIC_SEQ_CST);
  r += __atomic_exchange_n(&a64, 7, __ATOMIC_SEQ_CST);
  return r;
}

// cmpxchg: the runtime returns the old value; {old, success} is rebuilt with
// success = (old == expected), and the caller's use of both halves is kept.
// CHECK-LABEL: @cas(
// CHECK: [[OLD:%[0-9]+]] = call i32 @__rc_atomic32_compare_exchange_val({{.*}}@a32{{.*}}, i32 [[EXP:%[0-9]+]], i32 %0, i32 4, i32 2)
// CHECK-NEXT: [[OK:%[0-9]+]] = icmp eq i32 [[OLD]], [[EXP]]
// CHECK-NEXT: [[P0:%[0-9]+]] = insertvalue { i32, i1 } {{undef|poison}}, i32 [[OLD]], 0
// CHECK-NEXT: [[P1:%[0-9]+]] = insertvalue { i32, i1 } [[P0]], i1 [[OK]], 1
// CHECK: extractvalue { i32, i1 } [[P1]], 1
// CHECK: [[OLD64:%[0-9]+]] = call i64 @__rc_atomic64_compare_exchange_val({{.*}}@a64{{.*}}, i64 0, i64 1, i32 0, i32 0)
// CHECK-NEXT: icmp eq i64 [[OLD64]], 0
int cas(unsigned v, unsigned *expected) {
  int ok = __atomic_compare_exchange_n(&a32, expected, v, /*weak=*/0,
                                       __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
  unsigned long e = 0;
  ok += __atomic_compare_exchange_n(&a64, &e, 1, /*weak=*/1,
                                    __ATOMIC_RELAXED, __ATOMIC_RELAXED);
  return ok;
}

// Fences: cross-thread -> thread_fence; single-thread (signal) -> signal_fence.
// (One per function: the optimiser merges adjacent fences.)
// CHECK-LABEL: @f_acq(
// CHECK: call void @__rc_atomic_thread_fence(i32 2)
void f_acq(void) { __atomic_thread_fence(__ATOMIC_ACQUIRE); }
// CHECK-LABEL: @f_rel(
// CHECK: call void @__rc_atomic_thread_fence(i32 3)
void f_rel(void) { __atomic_thread_fence(__ATOMIC_RELEASE); }
// CHECK-LABEL: @f_ar(
// CHECK: call void @__rc_atomic_thread_fence(i32 4)
void f_ar(void) { __atomic_thread_fence(__ATOMIC_ACQ_REL); }
// CHECK-LABEL: @f_sc(
// CHECK: call void @__rc_atomic_thread_fence(i32 5)
void f_sc(void) { __atomic_thread_fence(__ATOMIC_SEQ_CST); }
// CHECK-LABEL: @s_sc(
// CHECK: call void @__rc_atomic_signal_fence(i32 5)
void s_sc(void) { __atomic_signal_fence(__ATOMIC_SEQ_CST); }
// CHECK-LABEL: @s_acq(
// CHECK: call void @__rc_atomic_signal_fence(i32 2)
void s_acq(void) { __atomic_signal_fence(__ATOMIC_ACQUIRE); }

// Narrow values follow the C ABI (zero-extended uint8_t/uint16_t).
// CHECK-DAG: declare zeroext i8 @__rc_atomic8_load({{.*}}, i32){{.*}}
// CHECK-DAG: declare void @__rc_atomic16_store({{.*}}, i16 zeroext, i32)
