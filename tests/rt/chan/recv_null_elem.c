// A NULL elem on receive drops the value, on every path: from the buffer, from a
// blocked sender (unbuffered and full buffered), when closed, and in a select case.
// The sender is not affected and the next value is still intact. One P and yields
// make sure the senders are blocked before the receive (the recv-from-sender path).
// ENV: RCMAXPROCS=1
// STDOUT: buffered: dropped, next=2
// STDOUT: from blocked sender (cap 0): dropped, next=4
// STDOUT: from blocked sender (full buffer): dropped, then 6 7
// STDOUT: closed: ok=0
// STDOUT: select: case 0 ok=1, next=9
// STDOUT-NOT: FAIL
#include <racecheck.h>
#include <stdio.h>

static rc_chan *c;

static void send2(void *arg)
{
    int base = *(int *)arg;
    for (int i = 0; i < 2; i++) {
        int v = base + i;
        rc_chan_send(c, &v);
    }
}

static void settle(void)
{
    for (int i = 0; i < 100; i++)
        rc_yield();
}

int main(void)
{
    c = rc_chan_make(sizeof(int), 2);
    int v = 1, got = 0;
    rc_chan_send(c, &v);
    v = 2;
    rc_chan_send(c, &v);
    bool ok = rc_chan_recv(c, NULL);
    rc_chan_recv(c, &got);
    printf("buffered: %s, next=%d\n", ok ? "dropped" : "FAIL", got);
    rc_chan_release(c);

    c = rc_chan_make(sizeof(int), 0);
    int base = 3;
    rc_go_copy(send2, &base, sizeof base);
    settle();
    ok = rc_chan_recv(c, NULL);
    rc_chan_recv(c, &got);
    printf("from blocked sender (cap 0): %s, next=%d\n", ok ? "dropped" : "FAIL", got);
    rc_chan_release(c);

    /* buffer of 1 holding 5; a sender blocks with 6 (then 7) */
    c = rc_chan_make(sizeof(int), 1);
    v = 5;
    rc_chan_send(c, &v);
    base = 6;
    rc_go_copy(send2, &base, sizeof base);
    settle();
    ok = rc_chan_recv(c, NULL);
    int a = 0, b = 0;
    rc_chan_recv(c, &a);
    rc_chan_recv(c, &b);
    printf("from blocked sender (full buffer): %s, then %d %d\n", ok ? "dropped" : "FAIL", a, b);

    rc_chan_close(c);
    printf("closed: ok=%d\n", rc_chan_recv(c, NULL));
    rc_chan_release(c);

    c = rc_chan_make(sizeof(int), 2);
    v = 8;
    rc_chan_send(c, &v);
    v = 9;
    rc_chan_send(c, &v);
    rc_case cs[] = { rc_recv_case(c, NULL) };
    int k = rc_select(cs, 1);
    rc_chan_recv(c, &got);
    printf("select: case %d ok=%d, next=%d\n", k, cs[0].ok, got);
    return 0;
}
