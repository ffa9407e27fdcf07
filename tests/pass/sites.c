// Site check coalescing (pass/SiteChecks.h): within one call-free stretch, the
// checks of accesses with the same debug location whose bytes tile one interval
// off one base pointer become a single range check, placed before the first of
// them with its location. Accesses from different source locations, with gaps
// between them, or without debug information keep their own checks.
// (-fno-slp-vectorize: the stores stay scalar, one per element.)
// RUN: %clang -O2 -g -fno-slp-vectorize -fpass-plugin=%plugin -S -emit-llvm %s -o - | %FileCheck %s
// RACECHECK_COALESCE_SITES=0 turns it off.
// RUN: env RACECHECK_COALESCE_SITES=0 %clang -O2 -g -fno-slp-vectorize -fpass-plugin=%plugin -S -emit-llvm %s -o - | %FileCheck --check-prefix=OFF %s
// Without -g there is no location to keep exact: nothing is merged.
// RUN: %clang -O2 -fno-slp-vectorize -fpass-plugin=%plugin -S -emit-llvm %s -o - | %FileCheck --check-prefix=NODBG %s

void ext(void);

// An unrolled loop's four stores: one 32-byte write check before the first.
// CHECK-LABEL: define {{.*}}@fill(
// CHECK: call void @__rc_write_range({{.*}}, i64 32){{.*}}!dbg [[FILL:![0-9]+]]
// CHECK-NEXT: store i64
// CHECK-NOT: call void @__rc_write
// CHECK: ret void
// OFF-LABEL: define {{.*}}@fill(
// OFF-COUNT-4: call void @__rc_write8(
// NODBG-LABEL: define {{.*}}@fill(
// NODBG-COUNT-4: call void @__rc_write8(
void fill(long *p, long v)
{
#pragma clang loop unroll(full)
    for (int i = 0; i < 4; i++)
        p[i] = v + i;
}

// A stride of two leaves gaps: p[0] and p[2] are checked apart, so a goroutine
// writing p[1] is not seen to race.
// CHECK-LABEL: define {{.*}}@every_other(
// CHECK: call void @__rc_write4(
// CHECK: call void @__rc_write4(
// CHECK-NOT: call void @__rc_write_range
// CHECK: ret void
void every_other(int *p)
{
#pragma clang loop unroll(full)
    for (int i = 0; i < 4; i += 2)
        p[i] = i;
}

// Two statements: two locations, two checks.
// CHECK-LABEL: define {{.*}}@two_lines(
// CHECK: call void @__rc_write8(
// CHECK: call void @__rc_write8(
// CHECK-NOT: call void @__rc_write_range
// CHECK: ret void
void two_lines(long *p)
{
    p[0] = 1;
    p[1] = 2;
}

// A call between the stores ends the stretch: the halves are checked apart.
// CHECK-LABEL: define {{.*}}@split_by_call(
// CHECK: call void @__rc_write_range({{.*}}, i64 16)
// CHECK: call void @ext()
// CHECK: call void @__rc_write_range({{.*}}, i64 16)
// CHECK: ret void
void split_by_call(long *p, int n)
{
    for (int k = 0; k < 2; k++) {
#pragma clang loop unroll(full)
        for (int i = 0; i < 2; i++)
            p[2 * k + i] = n;
        ext();
    }
}

// Reads and writes are merged apart: the reads of the sum and the writes of the
// copy, each one range.
// CHECK-LABEL: define {{.*}}@copy4(
// CHECK-DAG: call void @__rc_read_range({{.*}}, i64 16)
// CHECK-DAG: call void @__rc_write_range({{.*}}, i64 16)
// CHECK: ret void
void copy4(int *restrict d, const int *restrict s)
{
#pragma clang loop unroll(full)
    for (int i = 0; i < 4; i++)
        d[i] = s[i] + 1;
}
