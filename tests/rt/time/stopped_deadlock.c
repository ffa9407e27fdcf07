// A stopped timer is no longer a pending wake-up: main waiting on its channel is
// deadlocked and reported as such.
// EXIT: 2
// STDOUT: stopped: true
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR: goroutine 1 [chan receive]:
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:recv}}
#include <racecheck.h>
#include <stdio.h>

int main(void)
{
    rc_timer *t = rc_timer_new(10 * RC_SECOND);
    printf("stopped: %s\n", rc_timer_stop(t) ? "true" : "false");
    fflush(stdout);
    int64_t when;
    rc_chan_recv(rc_timer_chan(t), &when); // @recv
    return 0;
}
