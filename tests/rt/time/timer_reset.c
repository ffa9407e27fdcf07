// Reset: a pending timer (30 s) reset to 10 ms fires at the new time (Reset returns
// true); resetting a fired, drained timer returns false and it fires again.
// TIMEOUT: 20
// STDOUT: reset pending: true
// STDOUT: fired after reset, late enough: yes
// STDOUT: reset fired: false
// STDOUT: fired again
#include <racecheck.h>
#include <stdio.h>

int main(void)
{
    rc_timer *t = rc_timer_new(30 * RC_SECOND);
    int64_t start = rc_now();
    printf("reset pending: %s\n", rc_timer_reset(t, 10 * RC_MILLISECOND) ? "true" : "false");
    int64_t v;
    rc_chan_recv(rc_timer_chan(t), &v);   /* would take 30 s without the reset */
    printf("fired after reset, late enough: %s\n",
           v >= start + 10 * RC_MILLISECOND ? "yes" : "no");
    printf("reset fired: %s\n", rc_timer_reset(t, 5 * RC_MILLISECOND) ? "true" : "false");
    rc_chan_recv(rc_timer_chan(t), &v);
    printf("fired again\n");
    rc_timer_free(t);
    return 0;
}
