// Port of Go's TestNoRaceSelect5 (runtime/race/testdata/select_test.go): an unbuffered
// hand-off, by select or plain operations, with or without a Gosched first, orders the
// sender's write before the receiver's.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { int x; bool sel, need_sched; rc_chan *ch, *c1, *done; } env;

static void sender(void *arg)
{
    env *e = arg;
    if (e->need_sched)
        rc_yield();
    e->x = 1;
    bool t = true;
    if (e->sel) {
        rc_case cs[] = { rc_send_case(e->ch, &t), rc_recv_case(e->c1, NULL) };
        rc_select(cs, 2);
    } else {
        rc_chan_send(e->ch, &t);
    }
    rc_chan_send(e->done, &t);
}

static void receiver(void *arg)
{
    env *e = arg;
    if (e->sel) {
        rc_case cs[] = { rc_recv_case(e->ch, NULL), rc_recv_case(e->c1, NULL) };
        rc_select(cs, 2);
    } else {
        rc_chan_recv(e->ch, NULL);
    }
    e->x = 1;
    rc_chan_send(e->done, &(bool){true});
}

static void test(bool sel, bool need_sched)
{
    env e = { 0, sel, need_sched, rc_chan_make(sizeof(bool), 0),
              rc_chan_make(sizeof(bool), 0), rc_chan_make(sizeof(bool), 2) };
    rc_go(sender, &e);
    rc_go(receiver, &e);
    rc_chan_recv(e.done, NULL);
    rc_chan_recv(e.done, NULL);
    wait_others(); /* e dies with this frame */
}

int main(void)
{
    test(true, true);
    test(true, false);
    test(false, true);
    test(false, false);
    return 0;
}
