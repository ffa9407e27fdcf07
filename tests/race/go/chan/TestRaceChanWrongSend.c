// Port of Go's TestRaceChanWrongSend (runtime/race/testdata/chan_test.go): receiving one
// goroutine's value synchronises with that goroutine only, not with the other sender.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Previous write at
#include "../gotest.h"

typedef struct { int v1, v2; rc_chan *c; } env;

static void first(void *arg)
{
    env *e = arg;
    e->v1 = 1;
    rc_chan_send(e->c, &(int){1});
}

static void second(void *arg)
{
    env *e = arg;
    e->v2 = 2;
    rc_chan_send(e->c, &(int){2});
}

int main(void)
{
    env e = { .c = rc_chan_make(sizeof(int), 2) };
    rc_go(first, &e);
    rc_go(second, &e);
    rc_sleep(10 * RC_MILLISECOND);
    int got;
    rc_chan_recv(e.c, &got);
    if (got == 1)
        e.v2 = 3;
    else
        e.v1 = 3;
    wait_others();
    return 0;
}
