// llvm.memcpy/memmove/memset are replaced by the runtime's versions (which
// perform the operation), unless every object involved is thread-private.
// RUN: %clang -O1 -fno-discard-value-names -fpass-plugin=%plugin -S -emit-llvm %s -o - | %FileCheck %s
// RUN: %clang -O0 -fno-discard-value-names -fpass-plugin=%plugin -S -emit-llvm %s -o - | %FileCheck --check-prefix=O0 %s
#include <string.h>

// CHECK-LABEL: @cpy(
// CHECK-NOT: @llvm.memcpy
// CHECK: call {{.*}} @__rc_memcpy({{.*}} %d, {{.*}} %s, i64 %n)
// CHECK-NOT: @llvm.memcpy
// CHECK: ret
void cpy(char *d, const char *s, size_t n) { memcpy(d, s, n); }

// CHECK-LABEL: @mov(
// CHECK: call {{.*}} @__rc_memmove({{.*}} %d, {{.*}} %s, i64 %n)
void mov(char *d, const char *s, size_t n) { memmove(d, s, n); }

// The fill byte is passed as an int, the length as size_t.
// CHECK-LABEL: @set(
// CHECK: [[C:%.*]] = zext i8 {{%.*}} to i32
// CHECK-NEXT: call {{.*}} @__rc_memset({{.*}} %d, i32 [[C]], i64 %n)
void set(char *d, int c, size_t n) { memset(d, c, n); }

// CHECK-DAG: declare {{.*}} @__rc_memcpy({{.*}}, {{.*}}, i64)
// CHECK-DAG: declare {{.*}} @__rc_memset({{.*}}, i32, i64)

// At -O0 a local array initialised from a constant and never escaping keeps
// its intrinsic; a copy into an escaping destination is replaced.
void use(int *);
// O0-LABEL: @private_init(
// O0-NOT: @__rc_memcpy
// O0: call void @llvm.memcpy
// O0-NOT: @__rc_memcpy
// O0: ret
int private_init(void) { int a[8] = {1, 2, 3, 4, 5, 6, 7, 8}; return a[3]; }
// O0-LABEL: @shared_init(
// O0: call {{.*}} @__rc_memcpy(
// O0: call void @use(
int shared_init(void) { int a[8] = {1, 2, 3, 4, 5, 6, 7, 8}; use(a); return a[3]; }
