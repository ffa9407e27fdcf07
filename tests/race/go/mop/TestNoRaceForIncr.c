// Port of Go's TestNoRaceForIncr (runtime/race/testdata/mop_test.go): the post statement
// of a loop whose condition is false at once never runs, so main does not touch x.
// EXIT: 0
// STDERR-NOT: DATA RACE
// STDOUT: x=1
#include "../gotest.h"
#include <stdio.h>

typedef struct { int64_t x; rc_chan *done; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->x++;
    rc_chan_send(e->done, &(bool){true});
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 0) };
    rc_go(worker, &e);
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wfor-loop-analysis" /* i < 0 is Go's */
    for (int i = 0; i < 0; e.x++)
        ;
#pragma clang diagnostic pop
    rc_chan_recv(e.done, NULL);
    printf("x=%lld\n", (long long)e.x);
    return 0;
}
