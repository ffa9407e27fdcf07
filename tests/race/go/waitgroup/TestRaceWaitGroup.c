// Port of Go's TestRaceWaitGroup (runtime/race/testdata/waitgroup_test.go): two
// goroutines write x before Done: Done orders them before Wait, not before each other.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:w}}
#include "../gotest.h"

typedef struct { int x; rc_waitgroup wg; } env;
typedef struct { env *e; int j; } job;

static void worker(void *arg)
{
    job *j = arg;
    j->e->x = j->j; // @w
    rc_waitgroup_done(&j->e->wg);
}

int main(void)
{
    env e = { 0 };
    int n = 2;
    for (int i = 0; i < n; i++) {
        rc_waitgroup_add(&e.wg, 1);
        rc_go_copy(worker, &(job){ &e, i }, sizeof(job));
    }
    rc_waitgroup_wait(&e.wg);
    return 0;
}
