// Port of Go's TestNoRaceStructFieldRW2 (runtime/race/testdata/mop_test.go): two
// goroutines write different fields of one struct: no race; main reads the whole struct
// only after the receive. Go's comment says p is a pointer here, but its code is
// TestNoRaceStructFieldRW1's; so is the port.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { int64_t x, y; } Point;
typedef struct { Point p; rc_chan *ch; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->p.x = 1;
    rc_chan_send(e->ch, &(bool){true});
}

int main(void)
{
    env e = { { 0, 0 }, rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    e.p.y = 1;
    rc_chan_recv(e.ch, NULL);
    volatile Point r = e.p; /* Go: _ = p */
    (void)r;
    return 0;
}
