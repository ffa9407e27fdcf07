// Port of Go's TestRaceSelectReadWriteSync (runtime/race/testdata/chan_test.go): as
// TestRaceSelectReadWriteAsync, with unbuffered channels made ready by helpers.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:read}}
#include "../gotest.h"

typedef struct { int x; rc_chan *done, *c1, *c2, *c3; } env;

static void recv_c1(void *arg) { rc_chan_recv(((env *)arg)->c1, NULL); }
static void send_c2(void *arg) { rc_chan_send(((env *)arg)->c2, &(int){1}); }

static void worker(void *arg)
{
    env *e = arg;
    int sx = e->x, one = 1; // @read
    rc_case cs[] = { rc_send_case(e->c1, &sx), rc_send_case(e->c3, &one) };
    rc_select(cs, 2);
    rc_chan_send(e->done, &(bool){true});
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 0), rc_chan_make(sizeof(int), 0),
              rc_chan_make(sizeof(int), 0), rc_chan_make(sizeof(int), 0) };
    rc_go(recv_c1, &e);
    rc_go(send_c2, &e);
    rc_go(worker, &e);
    int v, one = 1;
    rc_case cs[] = { rc_recv_case(e.c2, &v), rc_send_case(e.c3, &one) };
    if (rc_select(cs, 2) == 0)
        e.x = v;
    rc_chan_recv(e.done, NULL);
    return 0;
}
