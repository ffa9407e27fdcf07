// WithCancel: Done is open and Err nil until cancel; cancel closes Done (a receive
// returns ok=false) and Err is Canceled. Background has no Done and never ends.
// STDOUT: background: done=null err=<nil> deadline=no
// STDOUT: before: open <nil>
// STDOUT: after: closed context canceled
// STDOUT: again: context canceled
#include <racecheck.h>
#include <stdio.h>

int main(void)
{
    rc_ctx *bg = rc_ctx_background();
    int64_t d;
    printf("background: done=%s err=%s deadline=%s\n", rc_ctx_done(bg) ? "chan" : "null",
           rc_ctx_err_string(rc_ctx_err_of(bg)), rc_ctx_deadline(bg, &d) ? "yes" : "no");

    rc_ctx *c = rc_ctx_with_cancel(bg);
    bool ok;
    printf("before: %s %s\n", rc_chan_try_recv(rc_ctx_done(c), NULL, &ok) ? "closed" : "open",
           rc_ctx_err_string(rc_ctx_err_of(c)));
    rc_ctx_cancel(c);
    ok = true;
    rc_chan_recv(rc_ctx_done(c), NULL);
    rc_chan_try_recv(rc_ctx_done(c), NULL, &ok);
    printf("after: %s %s\n", ok ? "value?" : "closed", rc_ctx_err_string(rc_ctx_err_of(c)));
    rc_ctx_cancel(c); /* idempotent */
    printf("again: %s\n", rc_ctx_err_string(rc_ctx_err_of(c)));
    rc_ctx_release(c);
    rc_ctx_release(bg); /* harmless */
    return 0;
}
