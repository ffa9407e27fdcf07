// Port of Go's TestRaceWaitGroup2 (runtime/race/testdata/waitgroup_test.go): two writes
// before Done are not ordered with each other.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:w}}
#include "../gotest.h"

typedef struct { int x; rc_waitgroup wg; } env;

static void first(void *arg)
{
    env *e = arg;
    e->x = 1; // @w
    rc_waitgroup_done(&e->wg);
}

static void second(void *arg)
{
    env *e = arg;
    e->x = 2;
    rc_waitgroup_done(&e->wg);
}

int main(void)
{
    env e = { 0 };
    rc_waitgroup_add(&e.wg, 2);
    rc_go(first, &e);
    rc_go(second, &e);
    rc_waitgroup_wait(&e.wg);
    return 0;
}
