// Port of Go's TestNoRaceWaitGroupTransitive (runtime/race/testdata/waitgroup_test.go):
// Wait returns after every Done, including the earlier one.
// EXIT: 0
// STDERR-NOT: DATA RACE
// STDOUT: 42 42
#include "../gotest.h"
#include <stdio.h>

typedef struct { int x, y; rc_waitgroup wg; } env;

static void first(void *arg)
{
    env *e = arg;
    e->x = 42;
    rc_waitgroup_done(&e->wg);
}

static void second(void *arg)
{
    env *e = arg;
    rc_sleep(10 * RC_MILLISECOND);
    e->y = 42;
    rc_waitgroup_done(&e->wg);
}

int main(void)
{
    env e = { 0 };
    rc_waitgroup_add(&e.wg, 2);
    rc_go(first, &e);
    rc_go(second, &e);
    rc_waitgroup_wait(&e.wg);
    printf("%d %d\n", e.x, e.y);
    return 0;
}
