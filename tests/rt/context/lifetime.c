// Reference counting (meant for ASan): contexts released in any order, a timeout
// context released before it fires (its timer keeps it alive, then it expires), a
// goroutine holding its own reference, a parent released before its children.
// STDOUT: expired after release: ok
// STDOUT: goroutine saw: context deadline exceeded
// STDOUT: done
#include <racecheck.h>
#include <stdio.h>

static rc_chan *report;

static void holder(void *arg)
{
    rc_ctx *ctx = arg;
    rc_chan_recv(rc_ctx_done(ctx), NULL);
    int e = rc_ctx_err_of(ctx);
    rc_ctx_release(ctx);
    rc_chan_send(report, &e);
}

int main(void)
{
    report = rc_chan_make(sizeof(int), 0);

    /* released before its deadline: the timer's reference keeps it alive */
    rc_ctx *t = rc_ctx_with_timeout(rc_ctx_background(), 5 * RC_MILLISECOND);
    rc_chan *done = rc_chan_retain(rc_ctx_done(t));
    rc_ctx_release(t);
    rc_chan_recv(done, NULL);
    rc_chan_release(done);
    printf("expired after release: ok\n");

    /* the parent is released first; the goroutine's reference outlives main's */
    rc_ctx *p = rc_ctx_with_timeout(rc_ctx_background(), 10 * RC_MILLISECOND);
    rc_ctx *c = rc_ctx_with_cancel(p);
    rc_go(holder, rc_ctx_retain(c));
    rc_ctx_release(p);
    rc_ctx_release(c);
    int e;
    rc_chan_recv(report, &e);
    printf("goroutine saw: %s\n", rc_ctx_err_string(e));

    /* many short-lived trees, uncancelled children released before cancelled parents */
    for (int i = 0; i < 200; i++) {
        rc_ctx *r = rc_ctx_with_timeout(rc_ctx_background(), (i % 3) * RC_MILLISECOND);
        rc_ctx *k1 = rc_ctx_with_cancel(r), *k2 = rc_ctx_with_timeout(k1, RC_SECOND);
        rc_ctx_release(k1);
        if (i % 2)
            rc_ctx_cancel(r);
        rc_ctx_release(k2); /* unlinks from k1 */
        rc_ctx_release(r);
    }
    /* let every deadline fire (<= 2 ms) and its cancelling goroutine finish, so the
     * leak checker (ASan with detect_leaks=1) sees every node freed */
    rc_sleep(10 * RC_MILLISECOND);
    while (rc_numgoroutine() > 1)
        rc_sleep(RC_MILLISECOND);
    rc_chan_release(report);
    printf("done\n");
    return 0;
}
