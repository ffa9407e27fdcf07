// Port of Go's TestRaceChanRecvLen (runtime/race/testdata/chan_test.go): observing a
// receive through len(c) is not synchronisation.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:w2}}
#include "../gotest.h"

typedef struct { int v; rc_chan *c; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->v = 1;
    rc_chan_recv(e->c, NULL);
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(int), 10) };
    rc_chan_send(e.c, &(int){1});
    rc_go(worker, &e);
    while (rc_chan_len(e.c) != 0)
        rc_yield();
    e.v = 2; // @w2
    wait_others();
    return 0;
}
