// Port of Go's TestNoRaceAfterFunc3 (runtime/race/testdata/sync_test.go): an AfterFunc's
// write before its send happens before main's receive.
// EXIT: 0
// STDERR-NOT: DATA RACE
// STDOUT: x=1
#include "../gotest.h"
#include <stdio.h>

typedef struct { int x; rc_chan *c; } env;

static void f(void *arg)
{
    env *e = arg;
    e->x = 1;
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 1) };
    rc_timer_after_func(10 * RC_MILLISECOND, f, &e);
    rc_chan_recv(e.c, NULL);
    printf("x=%d\n", e.x);
    return 0;
}
