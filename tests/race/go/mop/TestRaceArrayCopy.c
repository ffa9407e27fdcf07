// Port of Go's TestRaceArrayCopy (runtime/race/testdata/mop_test.go): assigning a whole
// array writes a[3], which races with the goroutine's write of a[3].
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"
#include <string.h>

typedef struct { rc_chan *ch; int64_t a[5]; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->a[3] = 1; // @g
    rc_chan_send(e->ch, &(bool){true});
}

int main(void)
{
    env e = { .ch = rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    /* Go: a = [5]int{1, 2, 3, 4, 5} */
    memcpy(e.a, (int64_t[5]){ 1, 2, 3, 4, 5 }, sizeof e.a); // @main
    rc_chan_recv(e.ch, NULL);
    return 0;
}
