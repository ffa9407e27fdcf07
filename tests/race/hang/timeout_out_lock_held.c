// RCRACE timeout=1s while a goroutine holds the runtime's report lock forever (as a
// report stuck in the middle would): the watchdog waits for that lock only so long,
// then writes its report anyway and exits with status 2. The lock is taken here by
// calling the runtime's internal rc_out_lock directly.
// EXIT: 2
// ENV: RCRACE=timeout=1s
// STDERR: WARNING: TIMEOUT: program still running after 1s
// STDERR: goroutine 1 [sleep, 
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:sleep}}
// STDERR: goroutine 2 [chan receive, 
// STDERR: holder()
// STDERR: {{FILE}}:{{LINE:recv}}
// STDERR-NOT: stuck
#include <racecheck.h>

void rc_out_lock(void); /* the runtime's, not public */

static void holder(void *arg)
{
    rc_chan *never = arg;
    rc_out_lock();
    rc_chan_recv(never, NULL); // @recv
}

int main(void)
{
    rc_go(holder, rc_chan_make(0, 0));
    for (;;)
        rc_sleep(3600 * RC_SECOND); // @sleep
}
