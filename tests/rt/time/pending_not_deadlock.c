// Every goroutine is blocked, but a timer is pending: not a deadlock (Go counts timers
// as a wake-up that may still come). Main waits on a Timer's channel, then on a channel
// that only an AfterFunc will send on; both wake it and the program exits 0.
// STDOUT: timer woke main
// STDOUT: AfterFunc woke main
// STDERR-NOT: deadlock
#include <racecheck.h>
#include <stdio.h>

static rc_chan *c;

static void send(void *arg)
{
    (void)arg;
    int v = 1;
    rc_chan_send(c, &v);
}

int main(void)
{
    rc_timer *t = rc_timer_new(50 * RC_MILLISECOND);
    int64_t when;
    rc_chan_recv(rc_timer_chan(t), &when);
    printf("timer woke main\n");
    rc_timer_free(t);

    c = rc_chan_make(sizeof(int), 0);
    rc_timer *f = rc_timer_after_func(50 * RC_MILLISECOND, send, NULL);
    int v;
    rc_chan_recv(c, &v);
    printf("AfterFunc woke main\n");
    rc_timer_free(f);
    rc_chan_release(c);
    return 0;
}
