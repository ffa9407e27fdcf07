// Port of Go's TestRaceSliceStruct (runtime/race/testdata/mop_test.go): copy(y, x) in the
// goroutine reads every element of x, including x[1].y, which main writes. y's array is
// kept in a volatile: C's optimiser would drop a copy into an array nobody reads; Go's
// race build checks it.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"
#include <stdlib.h>
#include <string.h>

typedef struct { int64_t x, y; } X;
typedef struct { X *array; int64_t len, cap; } Xs;
typedef struct { Xs x; rc_chan *c; } env;

static Xs make(int64_t len)
{
    X *a = calloc((size_t)len, sizeof *a);
    if (!a)
        abort();
    return (Xs){ a, len, len };
}

/* Go's copy(dst, src): the shorter length's elements, as one memmove. */
static int64_t copy(Xs dst, Xs src)
{
    int64_t n = dst.len < src.len ? dst.len : src.len;
    memmove(dst.array, src.array, (size_t)n * sizeof(X));
    return n;
}

static void worker(void *arg)
{
    env *e = arg;
    Xs y = make(10);
    copy(y, e->x); // @g
    X *volatile keep = y.array;
    (void)keep;
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { make(10), rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    e.x.array[1].y = 42; // @main
    rc_chan_recv(e.c, NULL);
    return 0;
}
