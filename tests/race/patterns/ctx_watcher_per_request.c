// A request handler that starts a watcher goroutine per request on a WithCancel child of
// the server's context; the watcher waits in a select for the request's cancellation or
// the server's shutdown signal. The handler cancels only on its error path and forgets
// on success (no `defer cancel()`). Three requests, one fails: that watcher sees its
// Done closed and logs it; the two successful requests' watchers wait forever.
// Verdict: LEAK of 2 watchers, grouped, blocked in select (unlike L7: a select, several
// requests, and a cancelled sibling that is not reported).
// Two processors: see pool_abandoned_results.c.
// ENV: RCMAXPROCS=2
// EXIT: 66
// STDOUT: request 0: ok
// STDOUT: request 1: failed
// STDOUT: request 2: ok
// STDOUT: watcher 1: context canceled
// STDERR: WARNING: GOROUTINE LEAK
// STDERR: 2 goroutines blocked forever in select with this stack (goroutines 2, 4)
// STDERR: watch()
// STDERR: {{FILE}}:{{LINE:select}}
// STDERR: created at:
// STDERR: handle(
// STDERR: {{FILE}}:{{LINE:go}}
// STDERR: Found 2 leaked goroutine(s)
// STDERR-COUNT: 1 WARNING:
// STDERR-NOT: DATA RACE
#include <racecheck.h>
#include <stdio.h>

typedef struct request { int id; rc_ctx *ctx; } request;

static rc_chan *shutdown; /* closed when the server stops: never, here */
static rc_chan *logs;     /* buffered: what watchers saw */

static void watch(void *arg)
{
    request *r = arg;
    rc_case cases[2] = { rc_recv_case(rc_ctx_done(r->ctx), NULL),
                         rc_recv_case(shutdown, NULL) };
    if (rc_select(cases, 2) == 0) { // @select
        char line[64];
        snprintf(line, sizeof line, "watcher %d: %s", r->id,
                 rc_ctx_err_string(rc_ctx_err_of(r->ctx)));
        rc_chan_send(logs, line);
    }
}

static int handle(rc_ctx *server, request *r)
{
    r->ctx = rc_ctx_with_cancel(server);
    rc_go(watch, r); // @go
    int err = r->id == 1; /* the work: request 1 fails */
    if (err)
        rc_ctx_cancel(r->ctx);
    /* forgot: rc_ctx_cancel(r->ctx) on success */
    return err;
}

int main(void)
{
    static request reqs[3];
    shutdown = rc_chan_make(0, 0);
    logs = rc_chan_make(64, 3);
    rc_ctx *server = rc_ctx_with_cancel(rc_ctx_background());
    for (int i = 0; i < 3; i++) {
        reqs[i].id = i;
        printf("request %d: %s\n", i, handle(server, &reqs[i]) ? "failed" : "ok");
    }
    char line[64];
    rc_chan_recv(logs, line);
    printf("%s\n", line);
    return 0; /* the server context is never cancelled either */
}
