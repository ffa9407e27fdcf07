/* mutex.c: mutex-heavy counter: 4 goroutines each do N/4 lock/increment/unlock of one
 * shared counter. Reports ns per lock/inc/unlock. Mirrors: ../pthread/mutex.c,
 * ../go/mutex.go. */
#include "../rb.h"
#include "racecheck.h"

#define WORKERS 4

static rc_mutex mu;
static long long counter, per;
static rc_chan *done;

static void worker(void *arg)
{
    (void)arg;
    for (long long i = 0; i < per; i++) {
        rc_mutex_lock(&mu);
        counter++;
        rc_mutex_unlock(&mu);
    }
    rc_chan_send(done, &(int){1});
}

int main(int argc, char **argv)
{
    per = rb_n(argc, argv, 1000000) / WORKERS;
    done = rc_chan_make(sizeof(int), WORKERS);
    int64_t t0 = rb_now();
    for (int i = 0; i < WORKERS; i++)
        rc_go(worker, NULL);
    for (int i = 0; i < WORKERS; i++)
        rc_chan_recv(done, NULL);
    rb_result("mutex", rb_now() - t0, per * WORKERS);
    if (counter != per * WORKERS)
        fprintf(stderr, "mutex: wrong count %lld\n", counter);
    return 0;
}
