// Port of Go's TestNoRaceIntRWClosures (runtime/race/testdata/mop_test.go): the read is
// ordered before the write by a receive between starting the two goroutines.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { int64_t x, y; rc_chan *ch; } env;

static void reader(void *arg)
{
    env *e = arg;
    e->y = e->x;
    rc_chan_send(e->ch, &(int){1});
}

static void writer(void *arg)
{
    env *e = arg;
    e->x = 1;
    rc_chan_send(e->ch, &(int){1});
}

int main(void)
{
    env e = { .ch = rc_chan_make(sizeof(int), 1) };
    rc_go(reader, &e);
    rc_chan_recv(e.ch, NULL);
    rc_go(writer, &e);
    rc_chan_recv(e.ch, NULL);
    return 0;
}
