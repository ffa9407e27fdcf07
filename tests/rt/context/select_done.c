// A worker selects on the context's Done and a work channel: it serves work until the
// cancel wakes it from the select.
// STDOUT: work 1
// STDOUT: work 2
// STDOUT: work 3
// STDOUT: worker stopped: context canceled
#include <racecheck.h>
#include <stdio.h>

static rc_chan *work, *stopped;

static void worker(void *arg)
{
    rc_ctx *ctx = arg;
    for (;;) {
        int w;
        rc_case cases[] = { rc_recv_case(rc_ctx_done(ctx), NULL), rc_recv_case(work, &w) };
        if (rc_select(cases, 2) == 0)
            break;
        printf("work %d\n", w);
        fflush(stdout);
        rc_chan_send(stopped, NULL); /* acknowledge */
    }
    printf("worker stopped: %s\n", rc_ctx_err_string(rc_ctx_err_of(ctx)));
    rc_ctx_release(ctx);
    rc_chan_send(stopped, NULL);
}

int main(void)
{
    work = rc_chan_make(sizeof(int), 0);
    stopped = rc_chan_make(0, 0);
    rc_ctx *ctx = rc_ctx_with_cancel(rc_ctx_background());
    rc_go(worker, rc_ctx_retain(ctx));
    for (int i = 1; i <= 3; i++) {
        rc_chan_send(work, &i);
        rc_chan_recv(stopped, NULL);
    }
    rc_sleep(10 * RC_MILLISECOND); /* the worker is parked in select by now (or soon) */
    rc_ctx_cancel(ctx);
    rc_chan_recv(stopped, NULL);
    rc_ctx_release(ctx);
    rc_chan_release(work);
    rc_chan_release(stopped);
    return 0;
}
