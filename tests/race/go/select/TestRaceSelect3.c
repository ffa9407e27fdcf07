// Port of Go's TestRaceSelect3 (runtime/race/testdata/select_test.go): writes made by
// both sides before an unbuffered hand-off race.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:w}}
#include "../gotest.h"

typedef struct { int x; rc_chan *compl, *c, *c1; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->x = 1; // @w
    bool t = true;
    rc_case cs[] = { rc_send_case(e->c, &t), rc_send_case(e->c1, &t) };
    rc_select(cs, 2);
    rc_chan_send(e->compl, &t);
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 0), rc_chan_make(sizeof(bool), 0),
              rc_chan_make(sizeof(bool), 0) };
    rc_go(worker, &e);
    e.x = 2;
    rc_case cs[] = { rc_recv_case(e.c, NULL) };
    rc_select(cs, 1);
    rc_chan_recv(e.compl, NULL);
    return 0;
}
