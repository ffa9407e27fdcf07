// L3: a server whose stop() does nothing: its worker keeps waiting for requests.
// EXIT: 66
// STDERR: WARNING: GOROUTINE LEAK
// STDERR-ANY: blocked forever in chan receive:
// STDERR: serve()
// STDERR: {{FILE}}:{{LINE:recv}}
// STDERR: Found 1 leaked goroutine(s)
#include <racecheck.h>
#include <stdio.h>

typedef struct { rc_chan *req, *resp; } server;

static void serve(void *arg)
{
    server *s = arg;
    int r;
    while (rc_chan_recv(s->req, &r)) { // @recv
        r *= 2;
        rc_chan_send(s->resp, &r);
    }
}

static void start(server *s)
{
    s->req = rc_chan_make(sizeof(int), 0);
    s->resp = rc_chan_make(sizeof(int), 0);
    rc_go(serve, s);
}

static void stop(server *s) { (void)s; /* forgot rc_chan_close(s->req) */ }

int main(void)
{
    static server s;
    start(&s);
    int v = 21;
    rc_chan_send(s.req, &v);
    rc_chan_recv(s.resp, &v);
    printf("%d\n", v);
    stop(&s);
    return 0;
}
