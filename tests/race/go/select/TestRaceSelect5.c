// Port of Go's TestRaceSelect5 (runtime/race/testdata/select_test.go): writes in a
// select's case bodies race with unsynchronised reads.
// EXIT: 66
// STDERR: WARNING: DATA RACE
#include "../gotest.h"

typedef struct { int x, y; rc_chan *done, *c1, *c2; } env;

static void worker(void *arg)
{
    env *e = arg;
    bool t = true;
    rc_case cs[] = { rc_send_case(e->c1, &t), rc_send_case(e->c2, &t) };
    switch (rc_select(cs, 2)) {
    case 0: e->x = 1; break;
    case 1: e->y = 1; break;
    }
    rc_chan_send(e->done, &t);
}

int main(void)
{
    env e = { 0, 0, rc_chan_make(sizeof(bool), 1), rc_chan_make(sizeof(bool), 1),
              rc_chan_make(sizeof(bool), 0) };
    rc_go(worker, &e);
    volatile int r = e.x; /* Go: _ = x */
    r = e.y;              /* Go: _ = y */
    (void)r;
    rc_chan_recv(e.done, NULL);
    return 0;
}
