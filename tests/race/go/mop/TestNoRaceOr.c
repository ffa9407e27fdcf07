// Port of Go's TestNoRaceOr (runtime/race/testdata/mop_test.go): the second operand of
// || is not evaluated (y == 0), so x is not read. The condition reads through volatile
// pointers so that -O2 keeps Go's short-circuit reads of the empty `if`.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { int64_t x, y; rc_chan *c; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->x = 1;
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { 0, 0, rc_chan_make(sizeof(bool), 0) };
    volatile int64_t *x = &e.x, *y = &e.y;
    rc_go(worker, &e);
    if (*y == 0 || *x == 1) // @cond
        ;
    rc_chan_recv(e.c, NULL);
    return 0;
}
