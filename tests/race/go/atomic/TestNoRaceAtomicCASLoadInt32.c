// Port of Go's TestNoRaceAtomicCASLoadInt32 (runtime/race/testdata/atomic_test.go):
// a load that sees the value of a CAS happens after the CAS.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"
#include <stdatomic.h>

typedef struct { int64_t x; _Atomic int32_t s; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->x = 2;
    if (!atomic_compare_exchange_strong(&e->s, &(int32_t){0}, 1))
        rc_panic("");
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
