// Unbuffered channels: a send blocks until a receiver takes the value, and a receive
// blocks until a sender comes; len is always 0. One P makes "blocked" observable: the
// other goroutine has run as far as it can whenever main yields.
// ENV: RCMAXPROCS=1
// STDOUT: sender blocked: before=1 after=0 len=0
// STDOUT: received 42, sender finished: after=1
// STDOUT: receiver blocked: got=0
// STDOUT: receiver got 7
// STDOUT-NOT: FAIL
#include <racecheck.h>
#include <stdio.h>
#include <stdlib.h>

#define CHECK(x) do { if (!(x)) { printf("FAIL line %d: %s\n", __LINE__, #x); exit(1); } } while (0)

static rc_chan *c;
static _Atomic int before, after, got;

static void sender(void *arg)
{
    int v = 42;
    before = 1;
    rc_chan_send(c, &v);
    after = 1;
}

static void receiver(void *arg)
{
    int v;
    rc_chan_recv(c, &v);
    got = v;
}

int main(void)
{
    c = rc_chan_make(sizeof(int), 0);
    rc_go(sender, NULL);
    for (int i = 0; i < 1000; i++)
        rc_yield();
    printf("sender blocked: before=%d after=%d len=%zu\n", before, after, rc_chan_len(c));
    int v = 0;
    CHECK(rc_chan_recv(c, &v));
    while (!after)
        rc_yield();
    printf("received %d, sender finished: after=%d\n", v, after);

    rc_go(receiver, NULL);
    for (int i = 0; i < 1000; i++)
        rc_yield();
    printf("receiver blocked: got=%d\n", got);
    v = 7;
    rc_chan_send(c, &v);
    while (!got)
        rc_yield();
    printf("receiver got %d\n", got);
    CHECK(rc_chan_len(c) == 0 && rc_chan_cap(c) == 0);
    rc_chan_release(c);
    return 0;
}
