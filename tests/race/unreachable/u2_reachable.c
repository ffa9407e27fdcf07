// U2: goroutines blocked on objects that live code can still reach are not reported
// while main runs: a channel in a global, one in a heap block a global points to, one
// on main's stack, one that another blocked (but reachable) goroutine holds, and a
// Mutex held by a sleeping goroutine. Each is woken at the end. One goroutine blocked
// on a channel nobody holds shows that the scans did run: it alone is reported.
// EXIT: 66
// STDERR: WARNING: GOROUTINE LEAK (unreachable channel)
// STDERR: Goroutine
// STDERR: lost()
// STDERR: all woken
// STDERR: Found 1 leaked goroutine(s)
// STDERR-COUNT: 1 WARNING: GOROUTINE LEAK
// STDERR-NOT: DATA RACE
#include "unreachable.h"
#include <stdio.h>
#include <stdlib.h>

typedef struct box { int pad[5]; rc_chan *c; } box;

static rc_chan *in_global;
static box *heap_from_global;
static rc_waitgroup wg;

static void recv(void *c)
{
    int v;
    rc_chan_recv(c, &v);
    rc_waitgroup_done(&wg);
}

/* Blocked on in_global while its own stack holds inner, on which another waits. */
static void holder(void *inner)
{
    int v;
    rc_chan_recv(in_global, &v);
    rc_chan_send(inner, &v);
    rc_waitgroup_done(&wg);
}

static void locker(void *m)
{
    rc_mutex_lock(m);
    rc_mutex_unlock(m);
    rc_waitgroup_done(&wg);
}

/* Holds a Mutex (known only to its stack) while it sleeps; another waits for it. */
static void sleeper(void *arg)
{
    (void)arg;
    rc_mutex *m = calloc(1, sizeof *m);
    rc_mutex_lock(m);
    rc_waitgroup_add(&wg, 1);
    rc_go(locker, m);
    rc_sleep(1200 * RC_MILLISECOND);
    rc_mutex_unlock(m);
    rc_waitgroup_done(&wg);
}

__attribute__((noinline)) static void start(void)
{
    in_global = rc_chan_make(sizeof(int), 0);
    heap_from_global = calloc(1, sizeof *heap_from_global);
    heap_from_global->c = rc_chan_make(sizeof(int), 0);
    rc_chan *inner = rc_chan_make(sizeof(int), 0);
    rc_waitgroup_add(&wg, 5);
    rc_go(recv, in_global);
    rc_go(recv, heap_from_global->c);
    rc_go(holder, inner);
    rc_go(recv, inner);
    rc_go(sleeper, NULL);
    rc_go(lost, rc_chan_make(sizeof(int), 0));
}

int main(void)
{
    rc_chan *on_stack = rc_chan_make(sizeof(int), 0);
    rc_waitgroup_add(&wg, 1);
    rc_go(recv, on_stack);
    start();
    scrub();
    for (int i = 0; i < 100; i++)
        rc_sleep(10 * RC_MILLISECOND);
    int v = 1;
    rc_chan_send(on_stack, &v);
    rc_chan_send(in_global, &v);   /* and holder passes it on to inner */
    rc_chan_send(in_global, &v);
    rc_chan_send(heap_from_global->c, &v);
    rc_waitgroup_wait(&wg);
    fprintf(stderr, "all woken\n");
    return 0;
}
