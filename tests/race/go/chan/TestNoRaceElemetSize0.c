// Port of Go's TestNoRaceElemetSize0 (runtime/race/testdata/chan_test.go,
// golang.org/issue/42598): a buffered channel of zero-size elements still orders a
// receive before the send that reuses its slot.
// EXIT: 0
// STDERR-NOT: DATA RACE
// STDOUT: x=2 y=2
#include "../gotest.h"
#include <stdio.h>

typedef struct { int x, y; rc_chan *c; } env;

static void incx(void *arg)
{
    env *e = arg;
    e->x += 1;
    rc_chan_recv(e->c, NULL);
}

static void incy(void *arg)
{
    env *e = arg;
    e->y += 1;
    rc_chan_recv(e->c, NULL);
}

int main(void)
{
    env e = { 0, 0, rc_chan_make(0, 2) };
    rc_chan_send(e.c, NULL);
    rc_chan_send(e.c, NULL);
    rc_go(incx, &e);
    rc_go(incy, &e);
    rc_sleep(10 * RC_MILLISECOND);
    rc_chan_send(e.c, NULL);
    rc_chan_send(e.c, NULL);
    e.x += 1;
    e.y += 1;
    printf("x=%d y=%d\n", e.x, e.y);
    return 0;
}
