// Port of Go's TestRaceChanItselfNil (runtime/race/testdata/chan_test.go): the channel
// variable read for a send races with setting it to nil.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:assign}}
#include "../gotest.h"

static void worker(void *arg)
{
    rc_chan **c = arg;
    rc_chan_send(*c, &zero);
}

int main(void)
{
    rc_chan *c = rc_chan_make(sizeof(int), 10);
    rc_go(worker, &c);
    rc_sleep(10 * RC_MILLISECOND);
    c = NULL; // @assign
    wait_others();
    return 0;
}
