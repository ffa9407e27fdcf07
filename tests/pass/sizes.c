// Plain accesses: each size, aligned vs under-aligned, and "other" sizes.
// RUN: %clang -O1 -fpass-plugin=%plugin -S -emit-llvm %s -o - | %FileCheck %s

char c; short s; int i; long l; __int128 q;
long double ld;                       // x86_fp80: 10 bytes -> range
struct __attribute__((packed)) P { char pad; short s; int i; long l; __int128 q; } p;

// CHECK-LABEL: @r1(
// CHECK: call void @__rc_read1({{.*}}@c
// CHECK-NEXT: load i8
char r1(void) { return c; }
// CHECK-LABEL: @w1(
// CHECK: call void @__rc_write1({{.*}}@c
// CHECK-NEXT: store i8
void w1(char v) { c = v; }
// CHECK-LABEL: @r2(
// CHECK: call void @__rc_read2({{.*}}@s
// CHECK-NEXT: load i16
short r2(void) { return s; }
// CHECK-LABEL: @w2(
// CHECK: call void @__rc_write2({{.*}}@s
// CHECK-NEXT: store i16
void w2(short v) { s = v; }
// CHECK-LABEL: @r4(
// CHECK: call void @__rc_read4({{.*}}@i
// CHECK-NEXT: load i32
int r4(void) { return i; }
// CHECK-LABEL: @w4(
// CHECK: call void @__rc_write4({{.*}}@i
// CHECK-NEXT: store i32
void w4(int v) { i = v; }
// CHECK-LABEL: @r8(
// CHECK: call void @__rc_read8({{.*}}@l
// CHECK-NEXT: load i64
long r8(void) { return l; }
// CHECK-LABEL: @w8(
// CHECK: call void @__rc_write8({{.*}}@l
// CHECK-NEXT: store i64
void w8(long v) { l = v; }
// CHECK-LABEL: @r16(
// CHECK: call void @__rc_read16({{.*}}@q
// CHECK-NEXT: load i128
__int128 r16(void) { return q; }
// CHECK-LABEL: @w16(
// CHECK: call void @__rc_write16({{.*}}@q
// CHECK-NEXT: store i128
void w16(__int128 v) { q = v; }

// Through a pointer argument: the check gets the same address.
// CHECK-LABEL: @rp(
// CHECK: call void @__rc_read4(
// CHECK-NEXT: load i32, {{.*}}%0
int rp(int *x) { return *x; }

// Under-aligned (packed) fields use the unaligned entry points.
// CHECK-LABEL: @ur(
// CHECK: call void @__rc_unaligned_read2(
// CHECK: call void @__rc_unaligned_read4(
// CHECK: call void @__rc_unaligned_read8(
// CHECK: call void @__rc_unaligned_read16(
long ur(void) { return p.s + p.i + p.l + (long)p.q; }
// CHECK-LABEL: @uw(
// CHECK: call void @__rc_unaligned_write2(
// CHECK: call void @__rc_unaligned_write4(
// CHECK: call void @__rc_unaligned_write8(
// CHECK: call void @__rc_unaligned_write16(
void uw(long v) { p.s = v; p.i = v; p.l = v; p.q = v; }

// A 10-byte long double is not a power-of-two size: range check.
// CHECK-LABEL: @rld(
// CHECK: call void @__rc_read_range({{.*}}@ld{{.*}}, i64 10)
// CHECK-NEXT: load x86_fp80
long double rld(void) { return ld; }
// CHECK-LABEL: @wld(
// CHECK: call void @__rc_write_range({{.*}}@ld{{.*}}, i64 10)
// CHECK-NEXT: store x86_fp80
void wld(long double v) { ld = v; }

// Volatile accesses are instrumented like plain ones.
// CHECK-LABEL: @vol(
// CHECK: call void @__rc_read4(
// CHECK-NEXT: load volatile i32
int vol(volatile int *x) { return *x; }
