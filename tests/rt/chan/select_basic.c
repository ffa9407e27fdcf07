// select: with one ready case it picks that case (receive or send); a receive case
// reports ok and the value; rc_select_try takes the default (-1) when nothing is
// ready, including with zero cases; mixing send and receive cases.
// STDOUT: only ready recv: case 2 v=30 ok=1 (x300)
// STDOUT: only ready send: case 1, buffer got 7 (x300)
// STDOUT: select_try nothing ready: -1 -1 -1
// STDOUT: select_try one ready: 1
// STDOUT: mixed: 1000 rounds, sends=500 recvs=500
// STDOUT-NOT: FAIL
#include <racecheck.h>
#include <stdio.h>

#define CHECK(x) do { if (!(x)) { printf("FAIL line %d: %s\n", __LINE__, #x); return 1; } } while (0)

static rc_chan *in, *out;

/* Partner for the mixed test: alternately wants to receive and to send. */
static void partner(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        int v = i;
        if (i % 2)
            rc_chan_send(in, &v);
        else
            rc_chan_recv(out, &v);
    }
}

int main(void)
{
    rc_chan *c[3];
    for (int i = 0; i < 3; i++)
        c[i] = rc_chan_make(sizeof(int), 1);
    int v[3];
    for (int r = 0; r < 300; r++) {
        int x = 30;
        rc_chan_send(c[2], &x);
        rc_case cs[] = { rc_recv_case(c[0], &v[0]), rc_recv_case(c[1], &v[1]),
                         rc_recv_case(c[2], &v[2]) };
        int k = rc_select(cs, 3);
        CHECK(k == 2 && v[2] == 30 && cs[2].ok);
    }
    printf("only ready recv: case 2 v=30 ok=1 (x300)\n");

    /* c[0] full, c[1] empty, c[2] full: only a send on c[1] can proceed */
    int one = 1;
    rc_chan_send(c[0], &one);
    rc_chan_send(c[2], &one);
    for (int r = 0; r < 300; r++) {
        int s0 = 5, s1 = 7, s2 = 9, got = 0;
        rc_case cs[] = { rc_send_case(c[0], &s0), rc_send_case(c[1], &s1),
                         rc_send_case(c[2], &s2) };
        int k = rc_select(cs, 3);
        CHECK(k == 1);
        rc_chan_recv(c[1], &got);
        CHECK(got == 7);
    }
    printf("only ready send: case 1, buffer got 7 (x300)\n");

    rc_chan_recv(c[0], NULL);
    rc_chan_recv(c[2], NULL);
    rc_case none[] = { rc_recv_case(c[0], &v[0]), rc_recv_case(c[1], &v[1]) };
    int full = 0;
    rc_chan_send(c[2], &full);
    rc_case fullsend[] = { rc_send_case(c[2], &full) };
    printf("select_try nothing ready: %d %d %d\n", rc_select_try(none, 2),
           rc_select_try(NULL, 0), rc_select_try(fullsend, 1));
    rc_chan_send(c[1], &one);
    printf("select_try one ready: %d\n", rc_select_try(none, 2));

    in = rc_chan_make(sizeof(int), 0);
    out = rc_chan_make(sizeof(int), 0);
    rc_go(partner, NULL);
    int sends = 0, recvs = 0;
    for (int i = 0; i < 1000; i++) {
        int sv = i, rv = -1;
        rc_case cs[] = { rc_send_case(out, &sv), rc_recv_case(in, &rv) };
        int k = rc_select(cs, 2);
        if (k == 0) {
            sends++;
        } else {
            CHECK(k == 1 && rv == i && cs[1].ok);
            recvs++;
        }
    }
    printf("mixed: 1000 rounds, sends=%d recvs=%d\n", sends, recvs);
    return 0;
}
