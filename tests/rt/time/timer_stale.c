// Scenario M7: Reset without draining the channel, then a receive gets the stale value
// from the first fire. No report: this is Go's behaviour up to Go 1.22 (the channel has
// capacity 1, the second fire finds it full and drops its value, and Reset does not
// drain). racecheck.h documents it.
// STDOUT: reset of fired timer: false
// STDOUT: received the stale value: yes
// STDOUT: then nothing: yes
// STDERR-NOT: WARNING: DATA RACE
#include <racecheck.h>
#include <stdio.h>

int main(void)
{
    rc_timer *t = rc_timer_new(5 * RC_MILLISECOND);
    rc_sleep(30 * RC_MILLISECOND);                 /* fired: its value waits in t.C */
    int64_t reset_at = rc_now();
    printf("reset of fired timer: %s\n", rc_timer_reset(t, 5 * RC_MILLISECOND) ? "true" : "false");
    rc_sleep(30 * RC_MILLISECOND);                 /* fired again: dropped, t.C full */
    int64_t v;
    rc_chan_recv(rc_timer_chan(t), &v);
    printf("received the stale value: %s\n", v < reset_at ? "yes" : "no");
    printf("then nothing: %s\n", rc_chan_try_recv(rc_timer_chan(t), &v, NULL) ? "no" : "yes");
    rc_timer_free(t);
    return 0;
}
