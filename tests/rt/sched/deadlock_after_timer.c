// BUG REPRO (scheduler/timers, not sync): a deadlock reached right after a timer fired
// is never reported; the program hangs with every M idle. The last M to go idle runs
// checkdead while the timer thread still counts the fire as in flight (T.in_flight is
// decremented only after rc_ready returns and T.lock is retaken), so
// rc_timers_pending() says "a wake-up may come" and nobody checks again afterwards.
// Fails (timeout) about half the time on the 2-core machine.
// TIMEOUT: 5
// EXIT: 2
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR: goroutine 1 [chan receive]:
// STDERR: goroutine 2 [chan receive]:
#include <racecheck.h>

static void sleeper(void *arg)
{
    rc_sleep(RC_MILLISECOND);
    rc_chan_recv(arg, NULL);
}

int main(void)
{
    rc_chan *c = rc_chan_make(0, 0);
    rc_go(sleeper, c);
    rc_chan_recv(c, NULL);
    return 0;
}
