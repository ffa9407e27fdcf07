// R18: a stream pipeline with cancellation. The stream goroutine sends results, hits an
// error, sends it on errCh and returns, closing errCh then resultCh. An error goroutine
// ranges over errCh, sets streamErr and cancels; main ranges over resultCh, then reads
// streamErr. errCh closing before resultCh orders nothing: the error goroutine writes
// streamErr after its receive, and nothing orders that write before main's read. One
// write, one read, in either order: each line appears once in the one report. Both
// goroutines are woken by the stream goroutine at the same moment, and on two CPUs
// their first (and only) checks of stream_err can run at the same instant: a word's
// first record is stored by a compare-and-swap (rt/race/access.c), so the second
// check sees the first (before it, about 1 run in 400 missed the race, and this test
// ran on one P).
// EXIT: 66
// STDERR-COUNT: 1 WARNING: DATA RACE
// STDERR-COUNT: 1 {{FILE}}:{{LINE:write}}
// STDERR-COUNT: 1 {{FILE}}:{{LINE:read}}
// STDERR: Found 1 data race(s)
// STDOUT: results=3
#include <racecheck.h>
#include <stdio.h>

static rc_chan *result_ch, *err_ch;
static rc_ctx *ctx;
static const char *stream_err;

static void stream(void *arg)
{
    (void)arg;
    for (int i = 0; i < 3; i++) {
        rc_case cases[] = { rc_send_case(result_ch, &i), rc_recv_case(rc_ctx_done(ctx), NULL) };
        if (rc_select(cases, 2) == 1)
            goto out;
    }
    const char *err = "stream broken";
    rc_chan_send(err_ch, &err);
out: /* the deferred closes, in Go's LIFO order */
    rc_chan_close(err_ch);
    rc_chan_close(result_ch);
}

static void errors(void *arg)
{
    (void)arg;
    const char *err;
    while (rc_chan_recv(err_ch, &err)) {
        stream_err = err; // @write
        rc_ctx_cancel(ctx);
    }
}

int main(void)
{
    ctx = rc_ctx_with_cancel(rc_ctx_background());
    result_ch = rc_chan_make(sizeof(int), 0);
    err_ch = rc_chan_make(sizeof(const char *), 0);
    rc_go(stream, NULL);
    rc_go(errors, NULL);
    int r, n = 0;
    while (rc_chan_recv(result_ch, &r))
        n++;
    const char *err = stream_err; // @read
    rc_ctx_cancel(ctx); /* defer cancel(): after the return value is read */
    printf("results=%d err=%s\n", n, err ? err : "nil");
    /* Outlive the error goroutine, or its write may never happen before exit (then
     * this run has no race to see). Polling the count orders nothing. */
    while (rc_numgoroutine() > 1)
        rc_yield();
    return 0;
}
