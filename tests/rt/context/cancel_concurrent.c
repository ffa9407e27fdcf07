// Ten goroutines cancel the same context at once (idempotent: one close, no panic),
// while others keep deriving children from it: every child ends up cancelled, either
// by propagation (the first half of each maker's children exist before any cancel) or
// by being born cancelled.
// STDOUT: parent: context canceled
// STDOUT: children cancelled: 400/400
#include <racecheck.h>
#include <stdio.h>

#define NCANCEL 10
#define NMAKERS 4
#define PER 100

static rc_ctx *parent;
static rc_ctx *kids[NMAKERS * PER];
static rc_chan *go_sig, *ready;
static rc_chan *finished; /* one value per goroutine (sync/ is not used here) */

static void canceller(void *arg)
{
    (void)arg;
    rc_chan_recv(go_sig, NULL);
    rc_ctx_cancel(parent);
    rc_chan_send(finished, NULL);
}

static void maker(void *arg)
{
    int base = *(int *)arg;
    for (int i = 0; i < PER; i++) {
        if (i == PER / 2) {
            rc_chan_send(ready, NULL);
            rc_chan_recv(go_sig, NULL);
        }
        rc_ctx *k = rc_ctx_with_cancel(parent);
        kids[base + i] = rc_ctx_with_cancel(k); /* a grandchild, keeps k alive */
        rc_ctx_release(k);
        if (i % 10 == 0)
            rc_yield();
    }
    rc_chan_send(finished, NULL);
}

int main(void)
{
    parent = rc_ctx_with_cancel(rc_ctx_background());
    go_sig = rc_chan_make(0, 0);
    ready = rc_chan_make(0, NMAKERS);
    finished = rc_chan_make(0, NCANCEL + NMAKERS);
    for (int i = 0; i < NMAKERS; i++) {
        int base = i * PER;
        rc_go_copy(maker, &base, sizeof base);
    }
    for (int i = 0; i < NCANCEL; i++)
        rc_go(canceller, NULL);
    for (int i = 0; i < NMAKERS; i++)
        rc_chan_recv(ready, NULL);
    rc_chan_close(go_sig);
    for (int i = 0; i < NCANCEL + NMAKERS; i++)
        rc_chan_recv(finished, NULL);

    printf("parent: %s\n", rc_ctx_err_string(rc_ctx_err_of(parent)));
    int n = 0;
    for (int i = 0; i < NMAKERS * PER; i++) {
        bool ok = true;
        if (rc_ctx_err_of(kids[i]) == RC_CTX_CANCELED &&
            rc_chan_try_recv(rc_ctx_done(kids[i]), NULL, &ok) && !ok)
            n++;
        rc_ctx_release(kids[i]);
    }
    printf("children cancelled: %d/%d\n", n, NMAKERS * PER);
    rc_ctx_release(parent);
    rc_chan_release(go_sig);
    rc_chan_release(ready);
    rc_chan_release(finished);
    return 0;
}
