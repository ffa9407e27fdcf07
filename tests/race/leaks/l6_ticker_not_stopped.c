// L6: a ticker that is never stopped; its goroutine waits on the tick channel forever
// after main's loop ends.
// EXIT: 66
// STDERR: WARNING: GOROUTINE LEAK
// STDERR: blocked forever in chan receive:
// STDERR: on_tick()
// STDERR: {{FILE}}:{{LINE:tick}}
// STDERR: Found 1 leaked goroutine(s)
#include <racecheck.h>
#include <stdatomic.h>

static atomic_int ticks;

static void on_tick(void *arg)
{
    rc_ticker *t = arg;
    int64_t when;
    for (;;) {
        rc_chan_recv(rc_ticker_chan(t), &when); // @tick
        atomic_fetch_add(&ticks, 1);
    }
}

int main(void)
{
    rc_ticker *t = rc_ticker_new(50 * RC_MILLISECOND);
    rc_go(on_tick, t);
    while (atomic_load(&ticks) < 2)
        rc_sleep(RC_MILLISECOND);
    return 0; /* forgot rc_ticker_stop(t) and telling on_tick to return */
}
