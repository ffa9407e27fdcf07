// Port of Go's TestRaceSliceSlice2 (runtime/race/testdata/mop_test.go): the slice
// expression x[i:4] reads i, which the goroutine writes. The result's array is kept in a
// volatile (Go: _ = x[i:4]) so that C's optimiser keeps the read, as Go's race build
// does.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"
#include <stdlib.h>

typedef struct { int64_t *array; int64_t len, cap; } ints;
typedef struct { ints x; int64_t i; rc_chan *c; } env;

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
    e->i = 3; // @g
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { make(10), 2, rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    ints r = subslice(e.x, e.i, 4); /* Go: _ = x[i:4] */ // @main
    int64_t *volatile keep = r.array;
    (void)keep;
    rc_chan_recv(e.c, NULL);
    return 0;
}
