/* access.c: access-heavy loop on pthreads (same work as ../rc/access.c): 2 threads each
 * make their own 4M-int array and do N passes over it. Reports ns per element update. */
#include "../rb.h"

#include <pthread.h>

#define WORKERS 2
#define LEN (4L << 20)

static int passes;

static void *worker(void *arg)
{
    int *a = calloc(LEN, sizeof *a);
    uint64_t sum = 0;
    for (int p = 0; p < passes; p++)
        sum += rb_access_pass(a, LEN, p);
    free(a);
    *(uint64_t *)arg = sum;
    return NULL;
}

int main(int argc, char **argv)
{
    passes = (int)rb_n(argc, argv, 4);
    pthread_t t[WORKERS];
    uint64_t s[WORKERS], sum = 0;
    int64_t t0 = rb_now();
    for (int i = 0; i < WORKERS; i++)
        pthread_create(&t[i], NULL, worker, &s[i]);
    for (int i = 0; i < WORKERS; i++) {
        pthread_join(t[i], NULL);
        sum += s[i];
    }
    rb_result("access", rb_now() - t0, (long long)WORKERS * LEN * passes);
    fprintf(stderr, "access: sum %llu\n", (unsigned long long)sum);
    return 0;
}
