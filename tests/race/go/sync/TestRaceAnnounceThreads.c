// Port of Go's TestRaceAnnounceThreads (runtime/race/testdata/sync_test.go): writes from
// a tree of goroutines each started by the previous one; siblings race.
// EXIT: 66
// STDERR: WARNING: DATA RACE
#include "../gotest.h"

enum { N = 7 };

typedef struct { int x; rc_chan *all_done; } env;

static void g(void *arg);

static void leaf(void *arg)
{
    env *e = arg;
    e->x = 1;
    rc_chan_send(e->all_done, &(bool){true});
}

static void f(void *arg)
{
    env *e = arg;
    e->x = 1;
    rc_go(g, e);
    rc_go(leaf, e);
    e->x = 2;
    rc_chan_send(e->all_done, &(bool){true});
}

static void g(void *arg)
{
    env *e = arg;
    for (int i = 0; i < 2; i++) {
        rc_go(leaf, e);
        rc_chan_send(e->all_done, &(bool){true});
    }
}

static void h(void *arg)
{
    env *e = arg;
    e->x = 1;
    e->x = 2;
    rc_go(f, e);
    rc_chan_send(e->all_done, &(bool){true});
}

int main(void)
{
    env e = { .all_done = rc_chan_make(sizeof(bool), N) };
    rc_go(h, &e);
    for (int i = 0; i < N; i++)
        rc_chan_recv(e.all_done, NULL);
    return 0;
}
