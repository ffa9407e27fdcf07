// try_send / try_recv (select with a default): they proceed exactly when the blocking
// form would not block, on full, empty, unbuffered, and closed channels.
// ENV: RCMAXPROCS=1
// STDOUT: empty buffered: try_recv=0
// STDOUT: try_send x3=1 1 1, full: try_send=0 len=3
// STDOUT: try_recv on full=1 v=100 ok=1 len=2
// STDOUT: unbuffered, nobody waiting: try_send=0 try_recv=0
// STDOUT: unbuffered, receiver waiting: try_send=1 receiver got 5
// STDOUT: unbuffered, sender waiting: try_recv=1 v=6 ok=1
// STDOUT: closed: try_recv=1 v=0 ok=0; ok pointer may be NULL: 1
// STDOUT-NOT: FAIL
#include <racecheck.h>
#include <stdio.h>

static rc_chan *u;
static _Atomic int got = -1;

static void receiver(void *arg)
{
    int v;
    rc_chan_recv(u, &v);
    got = v;
}

static void sender(void *arg)
{
    int v = 6;
    rc_chan_send(u, &v);
}

int main(void)
{
    rc_chan *c = rc_chan_make(sizeof(int), 3);
    int v = 0;
    bool ok;
    printf("empty buffered: try_recv=%d\n", rc_chan_try_recv(c, &v, &ok));
    int x = 100, y = 200, z = 300, w = 400;
    int r1 = rc_chan_try_send(c, &x), r2 = rc_chan_try_send(c, &y), r3 = rc_chan_try_send(c, &z);
    printf("try_send x3=%d %d %d, full: try_send=%d len=%zu\n", r1, r2, r3,
           rc_chan_try_send(c, &w), rc_chan_len(c));
    ok = false;
    int done = rc_chan_try_recv(c, &v, &ok);
    printf("try_recv on full=%d v=%d ok=%d len=%zu\n", done, v, ok, rc_chan_len(c));

    u = rc_chan_make(sizeof(int), 0);
    printf("unbuffered, nobody waiting: try_send=%d try_recv=%d\n", rc_chan_try_send(u, &x),
           rc_chan_try_recv(u, &v, &ok));
    rc_go(receiver, NULL);
    for (int i = 0; i < 100; i++)
        rc_yield(); /* the receiver is now blocked */
    int five = 5;
    done = rc_chan_try_send(u, &five);
    while (got < 0)
        rc_yield();
    printf("unbuffered, receiver waiting: try_send=%d receiver got %d\n", done, got);
    rc_go(sender, NULL);
    for (int i = 0; i < 100; i++)
        rc_yield();
    v = 0;
    done = rc_chan_try_recv(u, &v, &ok);
    printf("unbuffered, sender waiting: try_recv=%d v=%d ok=%d\n", done, v, ok);

    rc_chan_close(u);
    v = 77;
    ok = true;
    done = rc_chan_try_recv(u, &v, &ok);
    printf("closed: try_recv=%d v=%d ok=%d; ok pointer may be NULL: %d\n", done, v, ok,
           rc_chan_try_recv(u, NULL, NULL));
    return 0;
}
