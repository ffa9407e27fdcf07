// Port of Go's TestRaceWaitGroupWrongWait (runtime/race/testdata/waitgroup_test.go):
// goroutines that Add after main's Wait began are not waited for, and their writes race.
// One P, as Go's test usually runs: main's Wait returns before the goroutines Add. With
// more, a Done that ends a wait followed at once by the other goroutine's Add can hit
// Go's (and our) "WaitGroup is reused before previous Wait has returned" panic.
// ENV: RCMAXPROCS=1
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:w}}
#include "../gotest.h"

typedef struct { int x; rc_waitgroup wg; rc_chan *c; } env;

static void first(void *arg)
{
    env *e = arg;
    rc_waitgroup_add(&e->wg, 1);
    rc_yield();
    e->x = 1; // @w
    rc_waitgroup_done(&e->wg);
    rc_chan_send(e->c, &(bool){true});
}

static void second(void *arg)
{
    env *e = arg;
    rc_waitgroup_add(&e->wg, 1);
    rc_yield();
    e->x = 2;
    rc_waitgroup_done(&e->wg);
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { .c = rc_chan_make(sizeof(bool), 2) };
    rc_go(first, &e);
    rc_go(second, &e);
    rc_waitgroup_wait(&e.wg);
    rc_chan_recv(e.c, NULL);
    rc_chan_recv(e.c, NULL);
    return 0;
}
