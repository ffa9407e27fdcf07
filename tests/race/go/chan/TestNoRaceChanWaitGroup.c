// Port of Go's TestNoRaceChanWaitGroup (runtime/race/testdata/chan_test.go): a buffered
// channel used as a wait group: filling it to capacity waits for every worker's receive.
// EXIT: 0
// STDERR-NOT: DATA RACE
// STDOUT: sum=420
#include "../gotest.h"
#include <stdio.h>
#include <stdlib.h>

enum { N = 10 };

typedef struct { int *data; rc_chan *wg; } env;
typedef struct { env *e; int i; } job;

static void worker(void *arg)
{
    job *j = arg;
    j->e->data[j->i] = 42;
    rc_chan_recv(j->e->wg, NULL);
}

int main(void)
{
    env e = { calloc(N, sizeof(int)), rc_chan_make(sizeof(bool), N / 2) };
    for (int i = 0; i < N; i++) {
        rc_chan_send(e.wg, &(bool){true});
        rc_go_copy(worker, &(job){ &e, i }, sizeof(job));
    }
    for (size_t i = 0; i < rc_chan_cap(e.wg); i++)
        rc_chan_send(e.wg, &(bool){true});
    int sum = 0;
    for (int i = 0; i < N; i++)
        sum += e.data[i];
    printf("sum=%d\n", sum);
    return 0;
}
