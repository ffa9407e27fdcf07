// A child asking for a later deadline than its parent's keeps the parent's (it behaves
// as WithCancel) and expires with the parent; a child with an earlier deadline gets its
// own and expires alone. Cancelling a timeout context early stops its timer: Err is
// Canceled, never DeadlineExceeded.
// STDOUT: late child deadline == parent's: yes
// STDOUT: early child deadline is its own: yes
// STDOUT: early child: context deadline exceeded, parent: <nil>
// STDOUT: late child: context deadline exceeded
// STDOUT: cancelled early: context canceled
#include <racecheck.h>
#include <stdio.h>

int main(void)
{
    rc_ctx *parent = rc_ctx_with_timeout(rc_ctx_background(), 10 * RC_SECOND);
    rc_ctx *late = rc_ctx_with_timeout(parent, 20 * RC_SECOND);
    rc_ctx *early = rc_ctx_with_timeout(parent, 10 * RC_MILLISECOND);
    int64_t pd, ld, ed;
    rc_ctx_deadline(parent, &pd);
    rc_ctx_deadline(late, &ld);
    rc_ctx_deadline(early, &ed);
    printf("late child deadline == parent's: %s\n", ld == pd ? "yes" : "no");
    printf("early child deadline is its own: %s\n", ed < pd ? "yes" : "no");

    rc_chan_recv(rc_ctx_done(early), NULL);
    printf("early child: %s, parent: %s\n", rc_ctx_err_string(rc_ctx_err_of(early)),
           rc_ctx_err_string(rc_ctx_err_of(parent)));

    /* a parent that does expire takes its late child along */
    rc_ctx *p2 = rc_ctx_with_timeout(rc_ctx_background(), 20 * RC_MILLISECOND);
    rc_ctx *l2 = rc_ctx_with_timeout(p2, 20 * RC_SECOND);
    rc_chan_recv(rc_ctx_done(l2), NULL);
    printf("late child: %s\n", rc_ctx_err_string(rc_ctx_err_of(l2)));
    rc_ctx_release(l2);
    rc_ctx_release(p2);

    rc_ctx *t = rc_ctx_with_timeout(rc_ctx_background(), 300 * RC_MILLISECOND);
    rc_ctx_cancel(t);
    rc_sleep(400 * RC_MILLISECOND); /* past the deadline */
    printf("cancelled early: %s\n", rc_ctx_err_string(rc_ctx_err_of(t)));
    rc_ctx_release(t);

    rc_ctx_cancel(late);
    rc_ctx_cancel(early);
    rc_ctx_cancel(parent);
    rc_ctx_release(late);
    rc_ctx_release(parent); /* early still holds it */
    rc_ctx_release(early);
    return 0;
}
