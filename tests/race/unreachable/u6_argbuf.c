// U6: a goroutine's rc_go_copy argument block lives in its rc_g, not on its stack
// (sched.h argbuf), and the scan counts it as the goroutine's own memory: a channel
// that only a sleeping goroutine's argument block holds is reachable, and so is one
// that only a blocked but reachable goroutine's block holds. One goroutine blocked on
// a channel nobody holds shows that the scans did run: it alone is reported.
// EXIT: 66
// STDERR: WARNING: GOROUTINE LEAK (unreachable channel)
// STDERR: lost()
// STDERR: all woken
// STDERR: Found 1 leaked goroutine(s)
// STDERR-COUNT: 1 WARNING: GOROUTINE LEAK
// STDERR-NOT: DATA RACE
#include "unreachable.h"
#include <stdio.h>

static rc_chan *in_global;
static rc_waitgroup wg;

static void recv(void *c)
{
    int v;
    rc_chan_recv(c, &v);
    rc_waitgroup_done(&wg);
}

/* Its block holds the only pointer to the channel it will send on after its sleep
 * (read then, through a volatile: no register or stack slot keeps it meanwhile). */
static void sleeper(void *arg)
{
    rc_sleep(1200 * RC_MILLISECOND);
    int v = 1;
    rc_chan_send(*(rc_chan *volatile *)arg, &v);
    rc_waitgroup_done(&wg);
}

/* Blocked on in_global (reachable); its block holds the channel another waits on. */
static void holder(void *arg)
{
    int v;
    rc_chan_recv(in_global, &v);
    rc_chan_send(*(rc_chan *volatile *)arg, &v);
    rc_waitgroup_done(&wg);
}

__attribute__((noinline)) static void start(void)
{
    in_global = rc_chan_make(sizeof(int), 0);
    rc_waitgroup_add(&wg, 4);
    rc_chan *c = rc_chan_make(sizeof(int), 0);
    rc_go(recv, c);
    rc_go_copy(sleeper, &c, sizeof c);
    rc_chan *inner = rc_chan_make(sizeof(int), 0);
    rc_go(recv, inner);
    rc_go_copy(holder, &inner, sizeof inner);
    rc_go(lost, rc_chan_make(sizeof(int), 0));
}

/* A conservative scan reads dead stack slots that later frames leave unwritten: wipe
 * the ones start() used. */
int main(void)
{
    start();
    scrub();
    for (int i = 0; i < 100; i++)
        rc_sleep(10 * RC_MILLISECOND);
    int v = 1;
    rc_chan_send(in_global, &v); /* holder passes it on */
    rc_waitgroup_wait(&wg);
    fprintf(stderr, "all woken\n");
    return 0;
}
