/* spawn.c: spawn-heavy fan-out: main starts N short goroutines (each works on its own
 * RB_TASK_WORDS words) and waits for them with a WaitGroup. Reports ns per task.
 * Mirrors: ../pthread/spawn.c (fewer threads, in batches), ../go/spawn.go. */
#include "../rb.h"
#include "racecheck.h"

static long long *data, *res;
static rc_waitgroup wg;

static void task(void *arg)
{
    long long i = *(long long *)arg;
    res[i] = rb_task(data + i * RB_TASK_WORDS, i);
    rc_waitgroup_done(&wg);
}

int main(int argc, char **argv)
{
    long long n = rb_n(argc, argv, 100000);
    data = malloc(n * RB_TASK_WORDS * sizeof *data);
    res = malloc(n * sizeof *res);
    int64_t t0 = rb_now();
    rc_waitgroup_add(&wg, (int)n);
    for (long long i = 0; i < n; i++)
        rc_go_copy(task, &i, sizeof i);
    rc_waitgroup_wait(&wg);
    rb_result("spawn", rb_now() - t0, n);
    long long sum = 0;
    for (long long i = 0; i < n; i++)
        sum += res[i];
    fprintf(stderr, "spawn: sum %lld\n", sum);
    return 0;
}
