// Port of Go's TestNoRaceWaitGroupReuse (runtime/race/testdata/waitgroup_test.go): a
// WaitGroup reused for three rounds orders each round.
// EXIT: 0
// STDERR-NOT: DATA RACE
// STDOUT: 6 6 6
#include "../gotest.h"
#include <stdio.h>

enum { P = 3 };

typedef struct { int data[P]; rc_waitgroup wg; } env;
typedef struct { env *e; int p; } job;

static void worker(void *arg)
{
    job *j = arg;
    j->e->data[j->p]++;
    rc_waitgroup_done(&j->e->wg);
}

int main(void)
{
    env e = { 0 };
    for (int try = 0; try < 3; try++) {
        rc_waitgroup_add(&e.wg, P);
        for (int p = 0; p < P; p++)
            rc_go_copy(worker, &(job){ &e, p }, sizeof(job));
        rc_waitgroup_wait(&e.wg);
        for (int p = 0; p < P; p++)
            e.data[p]++;
    }
    printf("%d %d %d\n", e.data[0], e.data[1], e.data[2]);
    return 0;
}
