// Port of Go's TestNoRaceChanCloseCap (runtime/race/testdata/chan_test.go): cap(c) does
// not race with close(c).
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { rc_chan *c, *r; } env;

static void measure(void *arg)
{
    env *e = arg;
    int n = (int)rc_chan_cap(e->c);
    rc_chan_send(e->r, &n);
}

static void closer(void *arg)
{
    env *e = arg;
    rc_chan_close(e->c);
    rc_chan_send(e->r, &zero);
}

int main(void)
{
    env e = { rc_chan_make(sizeof(int), 10), rc_chan_make(sizeof(int), 10) };
    rc_go(measure, &e);
    rc_go(closer, &e);
    rc_chan_recv(e.r, NULL);
    rc_chan_recv(e.r, NULL);
    return 0;
}
