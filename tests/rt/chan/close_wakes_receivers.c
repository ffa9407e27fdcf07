// Closing a channel wakes every blocked receiver (plain and in select), each with
// ok=false and a zeroed value, and later receivers do not block.
// STDOUT: woken=20 zeroed=20 notok=20
// STDOUT: late receiver: ok=0
// STDOUT-NOT: FAIL
#include <racecheck.h>
#include <stdio.h>

#define N 20

static rc_chan *c, *results;
static _Atomic int waiting;

typedef struct { long v; bool ok; } res;

static void plain(void *arg)
{
    res r = { .v = 12345 };
    waiting++;
    r.ok = rc_chan_recv(c, &r.v);
    rc_chan_send(results, &r);
}

static void selecting(void *arg)
{
    res r = { .v = 12345 };
    rc_chan *never = rc_chan_make(sizeof(long), 0);
    long other;
    rc_case cs[] = { rc_recv_case(never, &other), rc_recv_case(c, &r.v) };
    waiting++;
    int k = rc_select(cs, 2);
    r.ok = k == 1 ? cs[1].ok : true;
    if (k != 1)
        r.v = -1;
    rc_chan_send(results, &r);
    rc_chan_release(never);
}

int main(void)
{
    c = rc_chan_make(sizeof(long), 0);
    results = rc_chan_make(sizeof(res), N);
    for (int i = 0; i < N; i++)
        rc_go(i % 2 ? plain : selecting, NULL);
    while (waiting < N)
        rc_yield();
    for (int i = 0; i < 1000; i++)
        rc_yield(); /* let them block (not required for correctness) */
    rc_chan_close(c);
    int zeroed = 0, notok = 0;
    for (int i = 0; i < N; i++) {
        res r;
        rc_chan_recv(results, &r);
        zeroed += r.v == 0;
        notok += !r.ok;
    }
    printf("woken=%d zeroed=%d notok=%d\n", N, zeroed, notok);
    long v = 5;
    bool ok = rc_chan_recv(c, &v);
    printf("late receiver: ok=%d%s\n", ok, v == 0 ? "" : " FAIL not zeroed");
    return 0;
}
