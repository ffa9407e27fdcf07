// Port of Go's TestRaceCaseCondition (runtime/race/testdata/mop_test.go): the switch
// condition reads x, which races with the other goroutine's write (and so does the
// case body's write, when x < 2 is seen).
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:w}}
#include "../gotest.h"

typedef struct { int64_t x; rc_chan *ch; } env;

static void writer(void *arg)
{
    env *e = arg;
    e->x = 2; // @w
    rc_chan_send(e->ch, &(int){1});
}

static void switcher(void *arg)
{
    env *e = arg;
    switch ((int)(e->x < 2)) { /* Go: switch x < 2 */
    case true:
        e->x = 1;
    }
    rc_chan_send(e->ch, &(int){1});
}

int main(void)
{
    env e = { .ch = rc_chan_make(sizeof(int), 2) };
    rc_go(writer, &e);
    rc_go(switcher, &e);
    rc_chan_recv(e.ch, NULL);
    rc_chan_recv(e.ch, NULL);
    return 0;
}
