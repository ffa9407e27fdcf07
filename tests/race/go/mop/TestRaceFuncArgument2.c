// Port of Go's TestRaceFuncArgument2 (runtime/race/testdata/mop_test.go): `go f(x)`
// evaluates x in the calling goroutine, and that read races with the other goroutine's
// write.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:r}}
// STDERR-ANY: {{FILE}}:{{LINE:w}}
#include "../gotest.h"

typedef struct { int64_t x; rc_chan *ch; } env;
typedef struct { rc_chan *ch; int64_t y; } arg;

static void writer(void *p)
{
    env *e = p;
    e->x = 42; // @w
    rc_chan_send(e->ch, &(bool){true});
}

static void worker(void *p)
{
    const arg *a = p;
    rc_chan_send(a->ch, &(bool){true});
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 2) };
    rc_go(writer, &e);
    arg a = { e.ch, e.x }; // @r
    rc_go_copy(worker, &a, sizeof a);
    rc_chan_recv(e.ch, NULL);
    rc_chan_recv(e.ch, NULL);
    return 0;
}
