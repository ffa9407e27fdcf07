// Port of Go's TestRaceNestedArrayCopy (runtime/race/testdata/mop_test.go): copying a
// 16 MiB array of arrays (2^20 Points) writes the one element the goroutine writes.
// Go moves a and b to the heap (they are captured and large); so does the C. C arrays
// are not assignable: each is wrapped in a struct, whose assignment copies it as Go's.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"
#include <stdlib.h>

typedef struct { int64_t x, y; } Point;
typedef Point Point32[2][2][2][2][2];
typedef Point32 Point1024[2][2][2][2][2];
typedef Point1024 Point32k[2][2][2][2][2];
typedef struct { Point32k v[2][2][2][2][2]; } Point1M;

typedef struct { Point1M *a, *b; rc_chan *ch; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->a->v[0][1][0][1][0][1][0][1][0][1][0][1][0][1][0][1][0][1][0][1].y = 1; // @g
    rc_chan_send(e->ch, &(bool){true});
}

int main(void)
{
    env e = { calloc(1, sizeof(Point1M)), calloc(1, sizeof(Point1M)),
              rc_chan_make(sizeof(bool), 1) };
    if (!e.a || !e.b)
        return 1;
    rc_go(worker, &e);
    *e.a = *e.b; // @main
    rc_chan_recv(e.ch, NULL);
    return 0;
}
