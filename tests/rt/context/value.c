// Value lookup walks to the root through cancel contexts; the nearest binding of a key
// shadows outer ones; a missing key (and Background) gives NULL; keys are compared by
// address.
// STDOUT: user=bob
// STDOUT: req=42
// STDOUT: trace=abc
// STDOUT: outer user=alice
// STDOUT: missing=(null) background=(null)
#include <racecheck.h>
#include <stdio.h>

static const char user_key, req_key, trace_key, missing_key;

static const char *s(void *p) { return p ? p : "(null)"; }

int main(void)
{
    rc_ctx *bg = rc_ctx_background();
    rc_ctx *a = rc_ctx_with_value(bg, &user_key, "alice");
    rc_ctx *b = rc_ctx_with_value(a, &trace_key, "abc");
    rc_ctx *c = rc_ctx_with_cancel(b);
    rc_ctx *d = rc_ctx_with_value(c, &req_key, "42");
    rc_ctx *e = rc_ctx_with_timeout(d, RC_SECOND);
    rc_ctx *f = rc_ctx_with_value(e, &user_key, "bob");

    printf("user=%s\n", s(rc_ctx_value(f, &user_key)));
    printf("req=%s\n", s(rc_ctx_value(f, &req_key)));
    printf("trace=%s\n", s(rc_ctx_value(f, &trace_key)));
    printf("outer user=%s\n", s(rc_ctx_value(d, &user_key)));
    printf("missing=%s background=%s\n", s(rc_ctx_value(f, &missing_key)),
           s(rc_ctx_value(bg, &user_key)));

    rc_ctx_cancel(c); /* also stops e's timer */
    rc_ctx_release(f); /* frees the whole chain: each node held its parent */
    rc_ctx_release(e);
    rc_ctx_release(d);
    rc_ctx_release(c);
    rc_ctx_release(b);
    rc_ctx_release(a);
    return 0;
}
