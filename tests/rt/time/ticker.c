// A Ticker delivers ticks with increasing times, the i-th no earlier than start + i
// periods (ticks fire at start + k periods or later); after Stop
// (and draining the at most one tick that may have been sent before it) none arrive.
// STDOUT: 5 ticks, increasing, not early: yes
// STDOUT: after stop: no tick
#include <racecheck.h>
#include <stdio.h>

int main(void)
{
    const rc_duration period = 10 * RC_MILLISECOND;
    int64_t start = rc_now();
    rc_ticker *t = rc_ticker_new(period);
    rc_chan *c = rc_ticker_chan(t);
    int ok = 1;
    int64_t prev = start, v;
    for (int i = 1; i <= 5; i++) {
        rc_chan_recv(c, &v);
        if (v <= prev || v < start + i * period)
            ok = 0;
        prev = v;
    }
    printf("5 ticks, increasing, not early: %s\n", ok ? "yes" : "no");
    rc_ticker_stop(t);
    rc_chan_try_recv(c, &v, NULL); /* a tick sent just before Stop */
    rc_sleep(5 * period);
    printf("after stop: %s\n", rc_chan_try_recv(c, &v, NULL) ? "tick" : "no tick");
    rc_ticker_free(t);
    return 0;
}
