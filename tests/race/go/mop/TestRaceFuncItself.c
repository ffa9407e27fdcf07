// Port of Go's TestRaceFuncItself (runtime/race/testdata/mop_test.go): the goroutine
// calls f, reading the function variable main assigns.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"

typedef struct { rc_chan *c; void (*f)(void); } env;

static void first(void) {}
static void second(void) {}

static void worker(void *arg)
{
    env *e = arg;
    e->f(); // @g
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { rc_chan_make(sizeof(bool), 0), first };
    rc_go(worker, &e);
    e.f = second; // @main
    rc_chan_recv(e.c, NULL);
    return 0;
}
