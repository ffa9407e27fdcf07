// A slow reader of a 5 ms ticker: missed ticks are dropped, at most one waits, so the
// reader counts far fewer ticks than periods elapsed. Reset restarts a stopped ticker.
// STDOUT: at most one tick pending: yes
// STDOUT: collapsed: yes
// STDOUT: reset restarts: yes
#include <racecheck.h>
#include <stdio.h>

int main(void)
{
    const rc_duration period = 5 * RC_MILLISECOND;
    rc_ticker *t = rc_ticker_new(period);
    rc_chan *c = rc_ticker_chan(t);
    int64_t start = rc_now(), v;
    int count = 0, pending_ok = 1;
    for (int i = 0; i < 4; i++) {
        rc_sleep(10 * period);
        if (rc_chan_len(c) > 1)
            pending_ok = 0;
        rc_chan_recv(c, &v);
        count++;
    }
    int64_t periods = (rc_now() - start) / period;
    printf("at most one tick pending: %s\n", pending_ok ? "yes" : "no");
    printf("collapsed: %s\n", count < periods ? "yes" : "no");
    if (count >= periods)
        printf("count=%d periods=%lld\n", count, (long long)periods);

    rc_ticker_stop(t);
    rc_chan_try_recv(c, &v, NULL);
    rc_ticker_reset(t, period);
    rc_chan_recv(c, &v); /* blocks forever (deadlock) if Reset did not restart it */
    printf("reset restarts: yes\n");
    rc_ticker_free(t);
    return 0;
}
