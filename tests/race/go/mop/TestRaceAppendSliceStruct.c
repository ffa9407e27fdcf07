// Port of Go's TestRaceAppendSliceStruct (runtime/race/testdata/mop_test.go): append(y,
// x...) into a slice with room for x copies every element of x, including x[1].y, which
// main writes. The result's array is kept in a volatile: C's optimiser would drop a copy
// into an array nobody reads; Go's race build checks it.
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

static Xs make(int64_t len, int64_t cap)
{
    X *a = calloc((size_t)cap, sizeof *a);
    if (!a)
        abort();
    return (Xs){ a, len, cap };
}

/* Go's append(dst, src...) when dst has room (the only case here): src's elements are
 * moved after dst's. */
static Xs append(Xs dst, Xs src)
{
    if (dst.cap - dst.len < src.len)
        rc_panic("append: the port only handles a destination with room");
    memmove(dst.array + dst.len, src.array, (size_t)src.len * sizeof(X));
    dst.len += src.len;
    return dst;
}

static void worker(void *arg)
{
    env *e = arg;
    Xs y = make(0, 10);
    y = append(y, e->x); // @g
    X *volatile keep = y.array;
    (void)keep;
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { make(10, 10), rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    e.x.array[1].y = 42; // @main
    rc_chan_recv(e.c, NULL);
    return 0;
}
