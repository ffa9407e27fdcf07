/* spawn.c: spawn-heavy fan-out on pthreads. 100k threads would mostly measure the
 * kernel, so this starts N (default 10k) threads in batches of 100 (create 100, join
 * 100), each doing the same task as ../rc/spawn.c; reports ns per task, so the number
 * compares with the 100k-goroutine versions. */
#include "../rb.h"

#include <pthread.h>

#define BATCH 100

static long long *data, *res;

static void *task(void *arg)
{
    long long i = (long long)(intptr_t)arg;
    res[i] = rb_task(data + i * RB_TASK_WORDS, i);
    return NULL;
}

int main(int argc, char **argv)
{
    long long n = rb_n(argc, argv, 10000) / BATCH * BATCH;
    data = malloc(n * RB_TASK_WORDS * sizeof *data);
    res = malloc(n * sizeof *res);
    pthread_t t[BATCH];
    int64_t t0 = rb_now();
    for (long long b = 0; b < n; b += BATCH) {
        for (int j = 0; j < BATCH; j++)
            pthread_create(&t[j], NULL, task, (void *)(intptr_t)(b + j));
        for (int j = 0; j < BATCH; j++)
            pthread_join(t[j], NULL);
    }
    rb_result("spawn", rb_now() - t0, n);
    long long sum = 0;
    for (long long i = 0; i < n; i++)
        sum += res[i];
    fprintf(stderr, "spawn: sum %lld\n", sum);
    return 0;
}
