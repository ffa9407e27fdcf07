// Port of Go's TestRaceSliceSlice (runtime/race/testdata/mop_test.go): slicing x reads
// its header (array, length, capacity) while the goroutine assigns x a new slice. The
// result's array is kept in a volatile (Go: _ = x[2:3]) so that C's optimiser keeps the
// reads, as Go's race build does.
//
// PENDING (detector gap): a struct larger than 16 bytes passed by value is passed as a
// byval pointer in LLVM IR; the caller's copy is made by the code generator, after the
// pass, so the read of the header x by subslice(e.x, 2, 3) is never checked and the race
// is missed at -O0 (at -O2 subslice is inlined and the reads are plain loads). Any
// non-inlined call with such an argument misses its read.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"
#include <stdlib.h>

typedef struct { int64_t *array; int64_t len, cap; } ints;
typedef struct { ints x; rc_chan *c; } env;

static ints make(int64_t n)
{
    int64_t *a = calloc((size_t)n, sizeof *a);
    if (!a)
        abort();
    return (ints){ a, n, n };
}

/* s[lo:hi], with Go's bounds check. */
static ints subslice(ints s, int64_t lo, int64_t hi)
{
    if (lo < 0 || hi < lo || hi > s.cap)
        rc_panicf("runtime error: slice bounds out of range [%lld:%lld]", (long long)lo,
                  (long long)hi);
    return (ints){ s.array + lo, hi - lo, s.cap - lo };
}

static void worker(void *arg)
{
    env *e = arg;
    e->x = make(20); // @g
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { make(10), rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    ints r = subslice(e.x, 2, 3); /* Go: _ = x[2:3] */ // @main
    int64_t *volatile keep = r.array;
    (void)keep;
    rc_chan_recv(e.c, NULL);
    return 0;
}
