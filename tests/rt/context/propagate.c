// Cancel propagates down (through a value context in between) to children and
// grandchildren, never up or sideways; a child of a cancelled parent is born cancelled.
// STDOUT: cancel b: root=<nil> a=<nil> v=<nil> b=context canceled c=context canceled g=context canceled sib=<nil>
// STDOUT: cancel root: root=context canceled a=context canceled v=context canceled sib=context canceled
// STDOUT: born cancelled: context canceled, done closed
#include <racecheck.h>
#include <stdio.h>

static const char *e(rc_ctx *c) { return rc_ctx_err_string(rc_ctx_err_of(c)); }

static bool closed(rc_ctx *c)
{
    bool ok;
    return rc_chan_try_recv(rc_ctx_done(c), NULL, &ok) && !ok;
}

int main(void)
{
    static int key;
    rc_ctx *root = rc_ctx_with_cancel(rc_ctx_background());
    rc_ctx *a = rc_ctx_with_cancel(root);
    rc_ctx *v = rc_ctx_with_value(a, &key, "x");
    rc_ctx *b = rc_ctx_with_cancel(v);
    rc_ctx *c = rc_ctx_with_cancel(b);
    rc_ctx *g = rc_ctx_with_cancel(c);
    rc_ctx *sib = rc_ctx_with_cancel(a);

    rc_ctx_cancel(b);
    printf("cancel b: root=%s a=%s v=%s b=%s c=%s g=%s sib=%s\n", e(root), e(a), e(v),
           e(b), e(c), e(g), e(sib));
    if (!closed(b) || !closed(c) || !closed(g) || closed(a) || closed(sib))
        printf("done channels disagree with Err\n");

    rc_ctx_cancel(root);
    printf("cancel root: root=%s a=%s v=%s sib=%s\n", e(root), e(a), e(v), e(sib));

    rc_ctx *late = rc_ctx_with_cancel(v);
    printf("born cancelled: %s, done %s\n", e(late), closed(late) ? "closed" : "open");

    /* release in an arbitrary order: parents stay alive while children need them */
    rc_ctx *all[] = { root, v, late, a, g, sib, b, c };
    for (int i = 0; i < 8; i++)
        rc_ctx_release(all[i]);
    return 0;
}
