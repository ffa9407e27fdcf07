// Port of Go's TestRaceFuncVariableWW (runtime/race/testdata/mop_test.go): two
// unordered assignments of a function variable.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"

typedef struct { int64_t (*f)(int64_t); rc_chan *ch; } env;

static int64_t square(int64_t x) { return x * x; }
static int64_t identity(int64_t x) { return x; }

static void worker(void *arg)
{
    env *e = arg;
    e->f = identity; // @g
    rc_chan_send(e->ch, &(bool){true});
}

int main(void)
{
    env e = { NULL, rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    e.f = square; // @main
    rc_chan_recv(e.ch, NULL);
    return 0;
}
