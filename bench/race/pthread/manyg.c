/* manyg.c: many threads alive at once, as ../rc/manyg.c does with goroutines. 100k
 * threads are not feasible, so N defaults to 1000. Each thread works on its own
 * RB_TASK_WORDS words, hands its result to main (mutex + condvar: a one-slot
 * unbuffered hand-off), then waits for main's quit broadcast. Reports ns per thread. */
#include "../rb.h"

#include <pthread.h>
#include <stdbool.h>

static long long *data;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t slot_free = PTHREAD_COND_INITIALIZER, slot_full = PTHREAD_COND_INITIALIZER,
                      quit_cv = PTHREAD_COND_INITIALIZER;
static long long slot;
static bool full, quit;

static void *task(void *arg)
{
    long long i = (long long)(intptr_t)arg;
    long long r = rb_task(data + i * RB_TASK_WORDS, i);
    pthread_mutex_lock(&mu);
    while (full)
        pthread_cond_wait(&slot_free, &mu);
    slot = r;
    full = true;
    pthread_cond_signal(&slot_full);
    while (!quit)
        pthread_cond_wait(&quit_cv, &mu);
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(int argc, char **argv)
{
    long long n = rb_n(argc, argv, 1000);
    data = malloc(n * RB_TASK_WORDS * sizeof *data);
    pthread_t *t = malloc(n * sizeof *t);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 256 * 1024); /* as a goroutine's default */
    int64_t t0 = rb_now();
    for (long long i = 0; i < n; i++)
        pthread_create(&t[i], &attr, task, (void *)(intptr_t)i);
    long long sum = 0;
    pthread_mutex_lock(&mu);
    for (long long i = 0; i < n; i++) {
        while (!full)
            pthread_cond_wait(&slot_full, &mu);
        sum += slot;
        full = false;
        pthread_cond_signal(&slot_free);
    }
    quit = true;
    pthread_cond_broadcast(&quit_cv);
    pthread_mutex_unlock(&mu);
    for (long long i = 0; i < n; i++)
        pthread_join(t[i], NULL);
    rb_result("manyg", rb_now() - t0, n);
    fprintf(stderr, "manyg: sum %lld\n", sum);
    return 0;
}
