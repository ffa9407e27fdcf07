// timeout_leaks_sender.c fixed as Go code does it: the answer channel has room for one
// value, so the worker's late send completes and the worker returns even though the
// caller timed out. Main waits for the worker before exiting; the answer, written
// before the send, is read after the receive.
// Verdict: NO REPORT.
// STDOUT: fetch: timeout
// STDOUT: late answer: 42
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
// STDERR-NOT: fatal error
#include <racecheck.h>
#include <stdio.h>

typedef struct call { rc_chan *answer, *slow; int value; rc_waitgroup wg; } call;

static void worker(void *arg)
{
    call *c = arg;
    rc_chan_recv(c->slow, NULL); /* the slow part of the work */
    c->value = 42;
    rc_chan_send(c->answer, &c->value); /* buffered: never blocks */
    rc_waitgroup_done(&c->wg);
}

static int fetch(call *c, int *out)
{
    c->answer = rc_chan_make(sizeof(int), 1);
    c->slow = rc_chan_make(0, 0);
    rc_waitgroup_add(&c->wg, 1);
    rc_go(worker, c);
    rc_chan *timeout = rc_after(RC_MILLISECOND);
    rc_case cases[2] = { rc_recv_case(c->answer, out), rc_recv_case(timeout, NULL) };
    int which = rc_select(cases, 2);
    rc_chan_release(timeout);
    rc_chan_close(c->slow);
    return which == 0 ? 0 : -1;
}

int main(void)
{
    static call c;
    int v;
    printf("fetch: %s\n", fetch(&c, &v) == 0 ? "ok" : "timeout");
    rc_waitgroup_wait(&c.wg);
    rc_chan_recv(c.answer, &v);
    printf("late answer: %d\n", v + c.value - 42);
    return 0;
}
