// Port of Go's TestRaceChanReadWriteSync (runtime/race/testdata/chan_test.go): as
// TestRaceChanReadWriteAsync, with unbuffered channels made ready by helpers.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:read}}
#include "../gotest.h"

typedef struct { int x; rc_chan *done, *c1, *c2; } env;

static void recv_c1(void *arg) { rc_chan_recv(((env *)arg)->c1, NULL); }
static void send_c2(void *arg) { rc_chan_send(((env *)arg)->c2, &(int){10}); }

static void worker(void *arg)
{
    env *e = arg;
    rc_chan_send(e->c1, &(int){e->x}); // @read
    rc_chan_send(e->done, &(bool){true});
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 0), rc_chan_make(sizeof(int), 0),
              rc_chan_make(sizeof(int), 0) };
    rc_go(recv_c1, &e);
    rc_go(send_c2, &e);
    rc_go(worker, &e);
    int v;
    rc_chan_recv(e.c2, &v);
    e.x = v;
    rc_chan_recv(e.done, NULL);
    return 0;
}
