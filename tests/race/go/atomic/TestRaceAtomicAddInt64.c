// Port of Go's TestRaceAtomicAddInt64 (runtime/race/testdata/atomic_test.go): the
// goroutine whose AddInt64 returns 1 came first, so its write races with the other one's
// write before its Add. On two CPUs both goroutines make their first check of the word
// of x1 and x2 at the start, often at the same instant: a record that goes into an
// empty cell, the word's first or its second, is stored by a compare-and-swap
// (rt/race/access.c), so neither write is lost (with the first cell's alone, about
// one full run of the race tests in ten missed this race at two Ps; before that, 1
// run in 300, and this test ran on one P).
// EXIT: 66
// STDERR: WARNING: DATA RACE
#include "../gotest.h"
#include <stdatomic.h>

typedef struct { int8_t x1, x2; _Atomic int64_t s; rc_chan *ch; } env;

static void first(void *arg)
{
    env *e = arg;
    e->x1 = 1;
    if (atomic_fetch_add(&e->s, 1) + 1 == 1)
        e->x2 = 1;
    rc_chan_send(e->ch, &(bool){true});
}

static void second(void *arg)
{
    env *e = arg;
    e->x2 = 1;
    if (atomic_fetch_add(&e->s, 1) + 1 == 1)
        e->x1 = 1;
    rc_chan_send(e->ch, &(bool){true});
}

int main(void)
{
    env e = { .ch = rc_chan_make(sizeof(bool), 2) };
    rc_go(first, &e);
    rc_go(second, &e);
    rc_chan_recv(e.ch, NULL);
    rc_chan_recv(e.ch, NULL);
    return 0;
}
