// memcpy, memmove and memset called as functions (through pointers, so the compiler
// cannot turn them into the instrumented intrinsics) are checked: a goroutine writes
// three buffers with them; main then reads each with memcmp or bcmp, unordered with
// the writes. Three races, reported at both call sites. (The length is not a constant:
// at -O2 the code generator expands a small constant-size memcmp into plain loads,
// which neither the pass nor the interceptor sees.)
// EXIT: 66
// STDERR-COUNT: 3 WARNING: DATA RACE
// STDERR: Read at 0x
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:r0}}
// STDERR: Previous write at 0x
// STDERR: writer()
// STDERR: {{FILE}}:{{LINE:memcpy}}
// STDERR: {{FILE}}:{{LINE:r1}}
// STDERR: {{FILE}}:{{LINE:memmove}}
// STDERR: {{FILE}}:{{LINE:r2}}
// STDERR: {{FILE}}:{{LINE:memset}}
// STDERR: Found 3 data race(s)
#include <racecheck.h>
#include <stdatomic.h>
#include <string.h>
#include <strings.h>

static void *(*volatile memcpy_fn)(void *, const void *, size_t) = memcpy;
static void *(*volatile memmove_fn)(void *, const void *, size_t) = memmove;
static void *(*volatile memset_fn)(void *, int, size_t) = memset;
static int (*volatile bcmp_fn)(const void *, const void *, size_t) = bcmp;

static char b[3][32], src[32] = "0123456789";
static atomic_int step; /* relaxed: orders nothing */
static volatile int sink;
static volatile size_t len = 16;

static void writer(void *arg)
{
    (void)arg;
    memcpy_fn(b[0], src, 16); // @memcpy
    memmove_fn(b[1], src, 16); // @memmove
    memset_fn(b[2], 'x', 16); // @memset
    atomic_store_explicit(&step, 1, memory_order_relaxed);
}

int main(void)
{
    rc_go(writer, NULL);
    while (atomic_load_explicit(&step, memory_order_relaxed) == 0)
        rc_yield();
    sink = memcmp(b[0], src, len); // @r0
    sink = bcmp_fn(b[1], src, len); // @r1
    sink = memcmp(b[2], src, len); // @r2
    return 0;
}
