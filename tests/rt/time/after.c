// time.After: the channel receives the firing time once, no earlier than d. The
// runtime owns the channel until delivery: releasing it before (nobody ever reads) or
// after delivery are both safe (ASan checks the first case).
// STDOUT: after: value >= start+20ms
// STDOUT: after: nothing more
// STDOUT: released early: ok
#include <racecheck.h>
#include <stdio.h>

int main(void)
{
    int64_t start = rc_now();
    rc_chan *c = rc_after(20 * RC_MILLISECOND);
    int64_t v = 0;
    rc_chan_recv(c, &v);
    if (v >= start + 20 * RC_MILLISECOND)
        printf("after: value >= start+20ms\n");
    rc_sleep(30 * RC_MILLISECOND);
    if (!rc_chan_try_recv(c, &v, NULL))
        printf("after: nothing more\n");
    rc_chan_release(c);

    /* released before delivery: the fire still has its own reference */
    for (int i = 0; i < 100; i++)
        rc_chan_release(rc_after((i % 10) * RC_MILLISECOND));
    rc_sleep(30 * RC_MILLISECOND); /* all fired: ASan checks the fires' frees */
    printf("released early: ok\n");
    return 0;
}
