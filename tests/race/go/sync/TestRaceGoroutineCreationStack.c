// Port of Go's TestRaceGoroutineCreationStack (runtime/race/testdata/sync_test.go): a
// race with a goroutine created three goroutines deep; its creation stack is f2's go.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:w}}
// STDERR: created at:
// STDERR: f2()
// STDERR: {{FILE}}:{{LINE:go}}
#include "../gotest.h"

typedef struct { int x; rc_chan *ch; } env;

static void f1(void *arg)
{
    env *e = arg;
    e->x = 1; // @w
    rc_chan_send(e->ch, &(bool){true});
}

static void f2(void *arg) { rc_go(f1, arg); } // @go
static void f3(void *arg) { rc_go(f2, arg); }
static void f4(void *arg) { rc_go(f3, arg); }

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 1) };
    rc_go(f4, &e);
    e.x = 2;
    rc_chan_recv(e.ch, NULL);
    return 0;
}
