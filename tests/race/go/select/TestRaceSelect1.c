// Port of Go's TestRaceSelect1 (runtime/race/testdata/select_test.go): two senders that
// hand off to the same receiver are not ordered with each other after their sends.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:w}}
#include "../gotest.h"

typedef struct { int x; rc_chan *compl, *c, *c1; } env;

static void receiver(void *arg)
{
    env *e = arg;
    rc_chan_recv(e->c, NULL);
    rc_chan_recv(e->c, NULL);
}

static void f(void *arg)
{
    env *e = arg;
    bool t = true;
    rc_case cs[] = { rc_send_case(e->c, &t), rc_send_case(e->c1, &t) };
    rc_select(cs, 2);
    e->x = 1; // @w
    rc_chan_send(e->compl, &t);
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 2), rc_chan_make(sizeof(bool), 0),
              rc_chan_make(sizeof(bool), 0) };
    rc_go(receiver, &e);
    rc_go(f, &e);
    rc_go(f, &e);
    rc_chan_recv(e.compl, NULL);
    rc_chan_recv(e.compl, NULL);
    return 0;
}
