// M7: timer Reset without draining the channel. The timer fires (its value waits in the
// capacity-1 channel), Reset re-arms it for an hour without reading that value, and the
// next receive gets the stale value at once: Go <= 1.22 behaviour, documented in
// racecheck.h, not a bug the detector reports. Second part, the correct idiom
// (`if !t.Stop() { <-t.C }` then Reset): a goroutine started before main writes config
// receives the new firing and reads it (arming the timer happens before its firing).
// Verdict: NO REPORT.
// STDOUT: reset_pending=0 stale=1 stop_pending=1
// STDOUT: drained=1 config=7
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
// STDERR-NOT: fatal error
#include <racecheck.h>
#include <stdio.h>

static int config;
static rc_chan *got;

static void waiter(void *arg)
{
    rc_timer *t = arg;
    int64_t when;
    rc_chan_recv(rc_timer_chan(t), &when);
    int c = config;     /* written by main before Reset */
    rc_chan_send(got, &c);
}

int main(void)
{
    rc_timer *t = rc_timer_new(RC_MILLISECOND);
    while (rc_chan_len(rc_timer_chan(t)) == 0) /* until it has fired: polling, no sleep */
        rc_yield();
    int64_t armed = rc_now();
    bool pending = rc_timer_reset(t, 3600 * RC_SECOND); /* no drain */
    int64_t when;
    rc_chan_recv(rc_timer_chan(t), &when);              /* the stale value, at once */
    printf("reset_pending=%d stale=%d stop_pending=%d\n", pending, when < armed,
           rc_timer_stop(t));

    /* the fix: stop, drain if it had fired, then Reset */
    rc_timer_reset(t, RC_MILLISECOND);
    while (rc_chan_len(rc_timer_chan(t)) == 0)
        rc_yield();
    bool drained = false;
    if (!rc_timer_stop(t)) {
        rc_chan_recv(rc_timer_chan(t), &when);
        drained = true;
    }
    got = rc_chan_make(sizeof(int), 0);
    rc_go(waiter, t);   /* started before the write: only the timer orders it */
    config = 7;
    rc_timer_reset(t, RC_MILLISECOND);
    int c;
    rc_chan_recv(got, &c);
    printf("drained=%d config=%d\n", drained, c);
    rc_timer_free(t);
    return 0;
}
