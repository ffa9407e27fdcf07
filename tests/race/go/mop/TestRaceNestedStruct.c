// Port of Go's TestRaceNestedStruct (runtime/race/testdata/mop_test.go): sending y reads
// the whole struct, including y.x.y, which main writes.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"

typedef struct { int64_t x, y; } X;
typedef struct { X x; } Y;
typedef struct { Y y; rc_chan *c; } env;

static void worker(void *arg)
{
    env *e = arg;
    Y v = e->y; /* c <- y evaluates y first */ // @g
    rc_chan_send(e->c, &v);
}

int main(void)
{
    env e = { .c = rc_chan_make(sizeof(Y), 0) };
    rc_go(worker, &e);
    e.y.x.y = 42; // @main
    rc_chan_recv(e.c, NULL);
    return 0;
}
