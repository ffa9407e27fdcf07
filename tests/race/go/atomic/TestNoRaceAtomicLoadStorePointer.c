// Port of Go's TestNoRaceAtomicLoadStorePointer (runtime/race/testdata/atomic_test.go):
// a pointer load that sees a pointer store happens after it.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"
#include <stdatomic.h>

typedef struct { int64_t x; _Atomic(void *) s; void *p; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->x = 2;
    atomic_store(&e->s, e->p);
}

int main(void)
{
    int y = 2;
    env e = { .p = &y };
    rc_go(worker, &e);
    while (atomic_load(&e.s) != e.p)
        rc_yield();
    e.x = 1;
    wait_others();
    return 0;
}
