// L7: a WithCancel child context whose cancel is never called: the goroutine waiting
// on its Done channel never returns.
// EXIT: 66
// STDERR: WARNING: GOROUTINE LEAK
// STDERR: blocked forever in chan receive:
// STDERR: watch()
// STDERR: {{FILE}}:{{LINE:done}}
// STDERR: Found 1 leaked goroutine(s)
#include <racecheck.h>

static void watch(void *arg)
{
    rc_ctx *ctx = arg;
    rc_chan_recv(rc_ctx_done(ctx), NULL); // @done
}

int main(void)
{
    rc_ctx *ctx = rc_ctx_with_cancel(rc_ctx_background());
    rc_go(watch, ctx);
    rc_sleep(5 * RC_MILLISECOND);
    return 0; /* forgot rc_ctx_cancel(ctx) */
}
