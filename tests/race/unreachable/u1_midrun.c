// U1: three goroutines receive on a channel only they know (made, handed to them, the
// pointer dropped) while main keeps running: the scan finds them while main still
// sleeps, in one report, and exit does not report them again.
// EXIT: 66
// STDERR: WARNING: GOROUTINE LEAK (unreachable channel)
// STDERR: 3 goroutines blocked forever in chan receive with this stack
// STDERR: worker()
// STDERR: {{FILE}}:{{LINE:recv}}
// STDERR: created at:
// STDERR: start(
// STDERR: {{FILE}}:{{LINE:go}}
// STDERR: main still running
// STDERR: Found 3 leaked goroutine(s)
// STDERR-COUNT: 1 WARNING: GOROUTINE LEAK
// STDERR-NOT: DATA RACE
#include "unreachable.h"
#include <stdio.h>

static void worker(void *arg)
{
    int v;
    rc_chan_recv(arg, &v); // @recv
}

/* Its frame dies on return: nothing live holds the channel afterwards. */
__attribute__((noinline)) static void start(void)
{
    rc_chan *c = rc_chan_make(sizeof(int), 0);
    for (int i = 0; i < 3; i++)
        rc_go(worker, c); // @go
}

/* A conservative scan reads dead stack slots that later frames leave unwritten: wipe
 * the ones start() used. */
int main(void)
{
    start();
    scrub();
    for (int i = 0; i < 200; i++)
        rc_sleep(10 * RC_MILLISECOND);
    /* stderr, so its order against the report is checked */
    fprintf(stderr, "main still running\n");
    return 0;
}
