// Port of Go's TestRaceCaseBody (runtime/race/testdata/mop_test.go): the default arm of
// a tagless switch writes x, which races with the other goroutine's read. Go tests the
// `case x == 100` first wherever default is written; so does the C. At -O2 clang merges
// the two arms' stores into one with no line, so the switch side is asserted by function.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:r}}
// STDERR-ANY: switcher()
#include "../gotest.h"

typedef struct { int64_t x, y; rc_chan *ch; } env;

static void reader(void *arg)
{
    env *e = arg;
    e->y = e->x; // @r
    rc_chan_send(e->ch, &(int){1});
}

static void switcher(void *arg)
{
    env *e = arg;
    if (e->x == 100)
        e->x = -e->x;
    else
        e->x = 1;
    rc_chan_send(e->ch, &(int){1});
}

int main(void)
{
    env e = { .ch = rc_chan_make(sizeof(int), 2) };
    rc_go(reader, &e);
    rc_go(switcher, &e);
    rc_chan_recv(e.ch, NULL);
    rc_chan_recv(e.ch, NULL);
    return 0;
}
