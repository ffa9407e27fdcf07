// Port of Go's TestNoRaceAfterFunc2 (runtime/race/testdata/sync_test.go): an AfterFunc
// that may or may not run before Stop writes a variable nobody else touches.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

static void set(void *arg) { *(int *)arg = 1; }

int main(void)
{
    int x = 0;
    rc_timer *timer = rc_timer_after_func(10, set, &x);
    rc_timer_stop(timer); /* deferred */
    wait_others();
    return 0;
}
