// Port of Go's TestRaceFuncArgsRW (runtime/race/testdata/mop_test.go): the goroutine
// gets &x and reads through it while main writes x.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"

typedef struct { uint8_t x; rc_chan *ch; } env;
typedef struct { rc_chan *ch; uint8_t *y; } arg;

static void worker(void *p)
{
    const arg *a = p;
    volatile uint8_t r = *a->y; /* Go: _ = *y */ // @g
    (void)r;
    rc_chan_send(a->ch, &(uint8_t){0});
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(uint8_t), 1) };
    rc_go_copy(worker, &(arg){ e.ch, &e.x }, sizeof(arg));
    e.x = 1; // @main
    rc_chan_recv(e.ch, NULL);
    return 0;
}
