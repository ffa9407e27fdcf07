// Receive on a closed channel: buffered values drain first (ok=true), then every
// receive returns at once with ok=false and a zeroed value. try_recv likewise; len
// reports what is left; cap is unchanged.
// STDOUT: before drain: len=2 cap=3
// STDOUT: recv 11 ok=1
// STDOUT: recv 22 ok=1
// STDOUT: recv 0 ok=0
// STDOUT: recv 0 ok=0
// STDOUT: try_recv done=1 v=0 ok=0
// STDOUT: unbuffered closed: v=0 ok=0 len=0 cap=0
// STDOUT-NOT: FAIL
#include <racecheck.h>
#include <stdio.h>

int main(void)
{
    rc_chan *c = rc_chan_make(sizeof(long), 3);
    long a = 11, b = 22;
    rc_chan_send(c, &a);
    rc_chan_send(c, &b);
    rc_chan_close(c);
    printf("before drain: len=%zu cap=%zu\n", rc_chan_len(c), rc_chan_cap(c));
    for (int i = 0; i < 4; i++) {
        long v = -1; /* must be overwritten, with 0 once drained */
        bool ok = rc_chan_recv(c, &v);
        printf("recv %ld ok=%d\n", v, ok);
    }
    long v = -1;
    bool ok = true;
    bool done = rc_chan_try_recv(c, &v, &ok);
    printf("try_recv done=%d v=%ld ok=%d\n", done, v, ok);
    if (rc_chan_len(c) != 0 || rc_chan_cap(c) != 3)
        printf("FAIL len/cap after close\n");
    rc_chan_release(c);

    rc_chan *u = rc_chan_make(sizeof(long), 0);
    rc_chan_close(u);
    v = 99;
    ok = rc_chan_recv(u, &v);
    printf("unbuffered closed: v=%ld ok=%d len=%zu cap=%zu\n", v, ok, rc_chan_len(u),
           rc_chan_cap(u));
    rc_chan_release(u);
    return 0;
}
