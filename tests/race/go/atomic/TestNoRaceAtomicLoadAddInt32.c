// Port of Go's TestNoRaceAtomicLoadAddInt32 (runtime/race/testdata/atomic_test.go): a
// load that sees an Add happens after it.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"
#include <stdatomic.h>

typedef struct { int64_t x; _Atomic int32_t s; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->x = 2;
    atomic_fetch_add(&e->s, 1);
}

int main(void)
{
    env e = { 0 };
    rc_go(worker, &e);
    while (atomic_load(&e.s) != 1)
        rc_yield();
    e.x = 1;
    wait_others();
    return 0;
}
