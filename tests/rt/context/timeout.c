// WithTimeout expires on its own: Done closes no earlier than the deadline and Err is
// DeadlineExceeded; a later cancel does not change the error. Its child is cancelled
// with the same error.
// STDOUT: has deadline: yes
// STDOUT: context deadline exceeded
// STDOUT: not early: yes
// STDOUT: child: context deadline exceeded
// STDOUT: after cancel: context deadline exceeded
// STDOUT: already expired: context deadline exceeded
#include <racecheck.h>
#include <stdio.h>

int main(void)
{
    int64_t start = rc_now(), dl = 0;
    rc_ctx *c = rc_ctx_with_timeout(rc_ctx_background(), 20 * RC_MILLISECOND);
    rc_ctx *child = rc_ctx_with_cancel(c);
    printf("has deadline: %s\n",
           rc_ctx_deadline(c, &dl) && dl >= start + 20 * RC_MILLISECOND ? "yes" : "no");
    rc_chan_recv(rc_ctx_done(c), NULL);
    printf("%s\n", rc_ctx_err_string(rc_ctx_err_of(c)));
    printf("not early: %s\n", rc_now() >= dl ? "yes" : "no");
    rc_chan_recv(rc_ctx_done(child), NULL);
    printf("child: %s\n", rc_ctx_err_string(rc_ctx_err_of(child)));
    rc_ctx_cancel(c);
    printf("after cancel: %s\n", rc_ctx_err_string(rc_ctx_err_of(c)));
    rc_ctx_cancel(child);
    rc_ctx_release(child);
    rc_ctx_release(c);

    rc_ctx *past = rc_ctx_with_deadline(rc_ctx_background(), rc_now() - RC_SECOND);
    printf("already expired: %s\n", rc_ctx_err_string(rc_ctx_err_of(past)));
    rc_ctx_release(past);
    return 0;
}
