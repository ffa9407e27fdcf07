// Channel lifetime: retain returns its argument, release(NULL) and retain(NULL) are
// harmless, and a goroutine blocked on a channel holds its own reference, so the last
// user reference may be dropped right after the operation that wakes it (the woken
// goroutine still touches the channel on its way out: ASan catches a missing ref).
// One P makes it deterministic: the goroutine blocks before main acts, and it runs
// again only after main has released the channel.
// ENV: RCMAXPROCS=1
// STDOUT: retain returns its argument: 1
// STDOUT: 5000 hand-offs with release right after waking the receiver
// STDOUT: 5000 hand-offs with release right after waking a select
// STDOUT: 5000 closes with release right after waking the receiver
// STDOUT: 5000 selects whose other channel was released while they waited
// STDOUT-NOT: FAIL
#include <racecheck.h>
#include <stdio.h>

#define N 5000

static rc_chan *done;
static _Atomic int entered; /* with one P: set means its goroutine is parked */

/* Uses the channel it is given without a reference of its own: the owner releases
 * it as soon as its send or close returns. */
static void recv_borrowed(void *arg)
{
    rc_chan *c = arg;
    int v;
    entered = 1;
    rc_chan_recv(c, &v);
    rc_chan_send(done, NULL);
}

static void select_borrowed(void *arg)
{
    rc_chan *c = arg;
    int v;
    rc_case cs[] = { rc_recv_case(c, &v), rc_recv_case(NULL, NULL) };
    entered = 1;
    rc_select(cs, 2);
    rc_chan_send(done, NULL);
}

/* Waits on a and b; b's last reference is dropped while it waits, and a wakes it: its
 * select unqueues from b and frees it (ASan: no use after free, no double free). */
static rc_chan *other;

static void select_two(void *arg)
{
    rc_chan *a = arg;
    int v;
    rc_case cs[] = { rc_recv_case(a, &v), rc_recv_case(other, &v) };
    entered = 1;
    if (rc_select(cs, 2) != 0)
        printf("FAIL select_two chose the released channel\n");
    rc_chan_send(done, NULL);
}

static void run_released_other(void)
{
    for (int i = 0; i < N; i++) {
        rc_chan *a = rc_chan_make(sizeof(int), 0);
        other = rc_chan_make(sizeof(int), 0);
        entered = 0;
        rc_go(select_two, a);
        while (!entered)
            rc_yield();
        rc_chan_release(other); /* the select still waits on it */
        rc_chan_send(a, &i);
        rc_chan_release(a);
        rc_chan_recv(done, NULL);
    }
}

static void run(rc_func fn, bool close)
{
    for (int i = 0; i < N; i++) {
        rc_chan *c = rc_chan_make(sizeof(int), 0);
        entered = 0;
        rc_go(fn, c);
        while (!entered)
            rc_yield();
        if (close)
            rc_chan_close(c);
        else
            rc_chan_send(c, &i); /* returns once the receiver is woken */
        rc_chan_release(c);
        rc_chan_recv(done, NULL);
    }
}

int main(void)
{
    rc_chan *c = rc_chan_make(sizeof(int), 1);
    rc_chan *r = rc_chan_retain(c);
    printf("retain returns its argument: %d\n", r == c);
    rc_chan_release(c);
    int v = 3;
    rc_chan_send(r, &v); /* still alive: one reference left */
    rc_chan_release(r);
    rc_chan_release(NULL);
    if (rc_chan_retain(NULL) != NULL)
        printf("FAIL retain(NULL)\n");

    done = rc_chan_make(0, 0);
    run(recv_borrowed, false);
    printf("%d hand-offs with release right after waking the receiver\n", N);
    run(select_borrowed, false);
    printf("%d hand-offs with release right after waking a select\n", N);
    run(recv_borrowed, true);
    printf("%d closes with release right after waking the receiver\n", N);
    run_released_other();
    printf("%d selects whose other channel was released while they waited\n", N);
    return 0;
}
