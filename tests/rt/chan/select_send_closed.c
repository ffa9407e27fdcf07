// A select send case on a closed channel panics, whether the channel was closed
// before the select or while it waited (here: while it waited).
// ENV: RCMAXPROCS=1
// EXIT: 2
// STDERR: panic: send on closed channel
// STDERR: goroutine 1 [running]:
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:select}}
// STDOUT-NOT: after
#include <racecheck.h>
#include <stdio.h>

static rc_chan *c;

static void closer(void *arg)
{
    rc_chan_close(c);
}

int main(void)
{
    c = rc_chan_make(sizeof(int), 0);
    rc_chan *never = rc_chan_make(sizeof(int), 0);
    int v = 1, w;
    rc_case cs[] = { rc_recv_case(never, &w), rc_send_case(c, &v) };
    rc_go(closer, NULL);
    rc_select(cs, 2); // @select
    printf("after\n");
    return 0;
}
