// Port of Go's TestRaceFuncVariableRW (runtime/race/testdata/mop_test.go): calling f
// reads the function variable the goroutine assigns.
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
    env e = { square, rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    int64_t y = e.f(1); // @main
    rc_chan_recv(e.ch, NULL);
    int64_t x = y;
    y = x;
    (void)y;
    return 0;
}
