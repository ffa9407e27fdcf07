// Port of Go's TestRaceAtomicAddLoad (runtime/race/testdata/atomic_test.go): an atomic
// add races with a plain load.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:plain}}
#include "../gotest.h"

typedef struct { rc_chan *c; uint64_t a; } env;

static void worker(void *arg)
{
    env *e = arg;
    __atomic_fetch_add(&e->a, 1, __ATOMIC_SEQ_CST);
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { rc_chan_make(sizeof(bool), 0), 0 };
    rc_go(worker, &e);
    volatile uint64_t r = e.a; /* Go: _ = a */ // @plain
    (void)r;
    rc_chan_recv(e.c, NULL);
    return 0;
}
