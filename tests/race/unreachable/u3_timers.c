// U3: goroutines that only a timer can wake are not reported while main runs: on
// time.After's channel, on a Ticker's, on a context deadline's Done, and on a channel
// an AfterFunc closure holds. Nothing else references them (the pointers are
// dropped); the timers fire after main's loop. One goroutine blocked on a channel
// nobody holds shows that the scans did run: it alone is reported.
// EXIT: 66
// STDERR: WARNING: GOROUTINE LEAK (unreachable channel)
// STDERR: lost()
// STDERR: all woken
// STDERR: Found 1 leaked goroutine(s)
// STDERR-COUNT: 1 WARNING: GOROUTINE LEAK
// STDERR-NOT: DATA RACE
#include "unreachable.h"
#include <stdio.h>
#include <stdlib.h>

static rc_waitgroup wg;

static void recv(void *c)
{
    int64_t v;
    rc_chan_recv(c, &v);
    rc_waitgroup_done(&wg);
}

static void recv_tick(void *t)
{
    int64_t v;
    rc_chan_recv(rc_ticker_chan(t), &v);
    rc_ticker_free(t);
    rc_waitgroup_done(&wg);
}

static void send_later(void *c)
{
    int64_t v = 1;
    rc_chan_send(c, &v);
}

__attribute__((noinline)) static void start(void)
{
    rc_waitgroup_add(&wg, 4);
    rc_go(recv, rc_after(1500 * RC_MILLISECOND));
    rc_go(recv_tick, rc_ticker_new(1400 * RC_MILLISECOND));
    rc_go(recv, rc_ctx_done(rc_ctx_with_timeout(rc_ctx_background(), 1300 * RC_MILLISECOND)));
    rc_chan *c = rc_chan_make(sizeof(int64_t), 1);
    rc_timer_after_func(1200 * RC_MILLISECOND, send_later, c);
    rc_go(recv, c);
    rc_go(lost, rc_chan_make(sizeof(int), 0));
}

int main(void)
{
    start();
    scrub();
    for (int i = 0; i < 100; i++)
        rc_sleep(10 * RC_MILLISECOND);
    rc_waitgroup_wait(&wg);
    fprintf(stderr, "all woken\n");
    return 0;
}
