// select with a receive case on a closed channel: that case is ready, with ok=false
// and a zeroed value, also when the close happens while the select waits.
// ENV: RCMAXPROCS=1
// STDOUT: ready closed: case 1 ok=0 v=0
// STDOUT: closed while waiting: case 0 ok=0 v=0
// STDOUT-NOT: FAIL
#include <racecheck.h>
#include <stdio.h>

static rc_chan *a;

static void closer(void *arg)
{
    rc_chan_close(a);
}

int main(void)
{
    rc_chan *open_ = rc_chan_make(sizeof(int), 0);
    rc_chan *closed = rc_chan_make(sizeof(int), 0);
    rc_chan_close(closed);
    int v1 = 5, v2 = 6;
    rc_case cs[] = { rc_recv_case(open_, &v1), rc_recv_case(closed, &v2) };
    int k = rc_select(cs, 2);
    printf("ready closed: case %d ok=%d v=%d\n", k, cs[1].ok, v2);

    a = rc_chan_make(sizeof(int), 0);
    int w1 = 5, w2 = 6;
    cs[0] = rc_recv_case(a, &w1);
    cs[1] = rc_recv_case(open_, &w2);
    cs[0].ok = true;
    rc_go(closer, NULL); /* runs once main blocks */
    k = rc_select(cs, 2);
    printf("closed while waiting: case %d ok=%d v=%d\n", k, cs[0].ok, w1);
    if (w2 != 6)
        printf("FAIL losing case's elem written\n");
    return 0;
}
