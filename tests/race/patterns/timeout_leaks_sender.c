// A call with a timeout that leaks its worker: fetch() starts the work in a goroutine
// that sends its answer on an unbuffered channel, and selects on that channel and
// rc_after(); on timeout it returns, and the worker, finishing later, blocks forever
// on a send nobody will receive. `slow` holds the worker back until the timeout has
// been taken, so this is not left to timing. Go's fix is a buffered channel of one
// (timeout_leaks_sender_fixed.c).
// Verdict: LEAK of the worker, blocked in chan send.
// Two processors: see pool_abandoned_results.c.
// ENV: RCMAXPROCS=2
// EXIT: 66
// STDOUT: fetch: timeout
// STDERR: WARNING: GOROUTINE LEAK
// STDERR: Goroutine 2 blocked forever in chan send
// STDERR: worker()
// STDERR: {{FILE}}:{{LINE:send}}
// STDERR: created at:
// STDERR: fetch(
// STDERR: {{FILE}}:{{LINE:go}}
// STDERR: Found 1 leaked goroutine(s)
// STDERR-COUNT: 1 WARNING:
// STDERR-NOT: DATA RACE
#include <racecheck.h>
#include <stdio.h>

typedef struct call { rc_chan *answer, *slow; } call;

static void worker(void *arg)
{
    call *c = arg;
    rc_chan_recv(c->slow, NULL); /* the slow part of the work */
    int v = 42;
    rc_chan_send(c->answer, &v); // @send
}

static int fetch(call *c, int *out)
{
    c->answer = rc_chan_make(sizeof(int), 0);
    c->slow = rc_chan_make(0, 0);
    rc_go(worker, c); // @go
    rc_chan *timeout = rc_after(RC_MILLISECOND);
    rc_case cases[2] = { rc_recv_case(c->answer, out), rc_recv_case(timeout, NULL) };
    int which = rc_select(cases, 2);
    rc_chan_release(timeout);
    rc_chan_close(c->slow);      /* the work finishes after the caller gave up */
    return which == 0 ? 0 : -1;
}

int main(void)
{
    static call c;
    int v;
    printf("fetch: %s\n", fetch(&c, &v) == 0 ? "ok" : "timeout");
    return 0;
}
