/* mutex.c: mutex-heavy counter on pthreads (same work as ../rc/mutex.c): 4 threads each
 * do N/4 pthread_mutex lock/increment/unlock of one shared counter. */
#include "../rb.h"

#include <pthread.h>

#define WORKERS 4

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long long counter, per;

static void *worker(void *arg)
{
    (void)arg;
    for (long long i = 0; i < per; i++) {
        pthread_mutex_lock(&mu);
        counter++;
        pthread_mutex_unlock(&mu);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    per = rb_n(argc, argv, 1000000) / WORKERS;
    pthread_t t[WORKERS];
    int64_t t0 = rb_now();
    for (int i = 0; i < WORKERS; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < WORKERS; i++)
        pthread_join(t[i], NULL);
    rb_result("mutex", rb_now() - t0, per * WORKERS);
    if (counter != per * WORKERS)
        fprintf(stderr, "mutex: wrong count %lld\n", counter);
    return 0;
}
