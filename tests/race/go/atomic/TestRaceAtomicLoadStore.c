// Port of Go's TestRaceAtomicLoadStore (runtime/race/testdata/atomic_test.go): an atomic
// load races with a plain store.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:plain}}
#include "../gotest.h"

typedef struct { rc_chan *c; uint64_t a; } env;

static void worker(void *arg)
{
    env *e = arg;
    (void)__atomic_load_n(&e->a, __ATOMIC_SEQ_CST);
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { rc_chan_make(sizeof(bool), 0), 0 };
    rc_go(worker, &e);
    e.a = 1; // @plain
    rc_chan_recv(e.c, NULL);
    return 0;
}
