// Port of Go's TestNoRaceEmptyStruct (runtime/race/testdata/mop_test.go): copying y.x,
// whose last field is an empty struct, does not touch the next field y.y. (Go pads X to
// 16 bytes so that &x.Empty stays inside it; GNU C's empty struct has size 0, so X is 8
// bytes: in both, y.y starts right after the bytes the copy reads.)
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct {} Empty;
typedef struct { int64_t y; Empty empty; } X;
typedef struct { X x; int64_t y; } Y;
typedef struct { Y y; rc_chan *c; } env;

static void worker(void *arg)
{
    env *e = arg;
    X x = e->y.x;
    rc_chan_send(e->c, &x);
}

int main(void)
{
    env e = { .c = rc_chan_make(sizeof(X), 0) };
    rc_go(worker, &e);
    e.y.y = 42;
    rc_chan_recv(e.c, NULL);
    return 0;
}
