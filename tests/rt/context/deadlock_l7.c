// Scenario L7: a WithCancel child nobody ever cancels, a goroutine waiting on its
// Done, and main blocked on a channel nobody sends on. Nothing can cancel the context
// (no deadline, no timer), so it is a deadlock, and the dump shows the waiter
// [chan receive] at its receive on Done.
// EXIT: 2
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR-COUNT: 2 [chan receive]:
// STDERR: {{FILE}}:{{LINE:done}}
#include <racecheck.h>

static void waiter(void *arg)
{
    rc_ctx *ctx = arg;
    rc_chan_recv(rc_ctx_done(ctx), NULL); // @done
    rc_ctx_release(ctx);
}

int main(void)
{
    rc_ctx *parent = rc_ctx_with_cancel(rc_ctx_background());
    rc_ctx *child = rc_ctx_with_cancel(parent);
    rc_go(waiter, rc_ctx_retain(child));
    rc_chan *never = rc_chan_make(sizeof(int), 0);
    int v;
    rc_chan_recv(never, &v);
    rc_ctx_cancel(child);
    rc_ctx_cancel(parent);
    return 0;
}
