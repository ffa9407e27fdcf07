// Port of Go's TestNoRaceAtomicCASCASInt32_2 (runtime/race/testdata/atomic_test.go): the
// goroutine whose CAS fails is ordered after the successful CAS, so its write does not
// race.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"
#include <stdatomic.h>

typedef struct { int8_t x1, x2; _Atomic int32_t s; rc_chan *ch; } env;

static void first(void *arg)
{
    env *e = arg;
    e->x1 = 1;
    if (!atomic_compare_exchange_strong(&e->s, &(int32_t){0}, 1))
        e->x2 = 1;
    rc_chan_send(e->ch, &(bool){true});
}

static void second(void *arg)
{
    env *e = arg;
    e->x2 = 1;
    if (!atomic_compare_exchange_strong(&e->s, &(int32_t){0}, 1))
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
