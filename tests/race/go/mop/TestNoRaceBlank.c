// Port of Go's TestNoRaceBlank (runtime/race/testdata/mop_test.go): concurrent reads of
// different elements (assigned to _), then a write ordered after the receive.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { int64_t a[5]; rc_chan *ch; } env;

static void worker(void *arg)
{
    env *e = arg;
    volatile int64_t r0 = e->a[0], r1 = e->a[1]; /* Go: _, _ = a[0], a[1] */
    (void)r0, (void)r1;
    rc_chan_send(e->ch, &(bool){true});
}

int main(void)
{
    env e = { .ch = rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    volatile int64_t r2 = e.a[2], r3 = e.a[3]; /* Go: _, _ = a[2], a[3] */
    (void)r2, (void)r3;
    rc_chan_recv(e.ch, NULL);
    e.a[1] = e.a[0];
    return 0;
}
