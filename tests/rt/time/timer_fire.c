// A Timer fires once: its channel delivers rc_now() at expiry, no earlier than d, and
// Stop after the fire reports false.
// STDOUT: fired late enough: yes
// STDOUT: stop after fire: false
// STDOUT: second value: none
#include <racecheck.h>
#include <stdio.h>

int main(void)
{
    int64_t start = rc_now();
    rc_timer *t = rc_timer_new(15 * RC_MILLISECOND);
    int64_t v;
    rc_chan_recv(rc_timer_chan(t), &v);
    printf("fired late enough: %s\n", v >= start + 15 * RC_MILLISECOND ? "yes" : "no");
    printf("stop after fire: %s\n", rc_timer_stop(t) ? "true" : "false");
    rc_sleep(30 * RC_MILLISECOND);
    printf("second value: %s\n", rc_chan_try_recv(rc_timer_chan(t), &v, NULL) ? "got one" : "none");
    rc_timer_free(t);
    return 0;
}
