// Port of Go's TestRaceStructFieldRW3 (runtime/race/testdata/mop_test.go): main reads
// the nested field p.p.x the goroutine writes, in a struct that begins with a string (a
// Go string is a header: pointer and length).
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"

typedef struct { const char *ptr; int64_t len; } string;
typedef struct { int64_t x, y; } Point;
typedef struct { string name; Point p; } NamedPoint;
typedef struct { NamedPoint p; rc_chan *ch; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->p.p.x = 1; // @g
    rc_chan_send(e->ch, &(bool){true});
}

int main(void)
{
    env e = { { { "a", 1 }, { 0, 0 } }, rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    volatile int64_t r = e.p.p.x; /* Go: _ = p.p.x */ // @main
    (void)r;
    rc_chan_recv(e.ch, NULL);
    return 0;
}
