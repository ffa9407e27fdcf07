// Buffered channel of capacity 3: sends do not block until the buffer is full, values
// come out in FIFO order, including when senders are queued on a full buffer (their
// values enter the buffer's tail in arrival order). One P makes the queueing order
// deterministic: each sender has blocked before the next one starts.
// ENV: RCMAXPROCS=1
// STDOUT: filled: len=3 cap=3 fourth try_send=0
// STDOUT: drained: 1 2 3 len=0
// STDOUT: queued senders: 10 11 12 13 14 15
// STDOUT: len=0 after draining
// STDOUT-NOT: FAIL
#include <racecheck.h>
#include <stdio.h>
#include <stdlib.h>

#define CHECK(x) do { if (!(x)) { printf("FAIL line %d: %s\n", __LINE__, #x); exit(1); } } while (0)

static rc_chan *c, *done;

static void send_one(void *arg)
{
    int v = *(int *)arg;
    rc_chan_send(c, &v);
    rc_chan_send(done, &v);
}

int main(void)
{
    c = rc_chan_make(sizeof(int), 3);
    done = rc_chan_make(sizeof(int), 16);
    for (int i = 1; i <= 3; i++)
        rc_chan_send(c, &i);
    int four = 4;
    printf("filled: len=%zu cap=%zu fourth try_send=%d\n", rc_chan_len(c), rc_chan_cap(c),
           rc_chan_try_send(c, &four));
    int a, b, d;
    rc_chan_recv(c, &a);
    rc_chan_recv(c, &b);
    rc_chan_recv(c, &d);
    printf("drained: %d %d %d len=%zu\n", a, b, d, rc_chan_len(c));

    /* 10 11 12 fill the buffer; the senders of 13, 14, 15 queue in that order */
    for (int i = 10; i <= 12; i++)
        rc_chan_send(c, &i);
    for (int i = 13; i <= 15; i++) {
        rc_go_copy(send_one, &i, sizeof i);
        for (int k = 0; k < 100; k++)
            rc_yield();
    }
    CHECK(rc_chan_len(c) == 3);
    printf("queued senders:");
    for (int i = 0; i < 6; i++) {
        int v;
        CHECK(rc_chan_recv(c, &v));
        printf(" %d", v);
    }
    printf("\n");
    for (int i = 0; i < 3; i++)
        rc_chan_recv(done, NULL);
    printf("len=%zu after draining\n", rc_chan_len(c));
    return 0;
}
