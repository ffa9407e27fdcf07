/* mutex4.c: contended Mutex: 4 goroutines each do N/4 lock/increment/unlock. Reports
 * ns per operation (total time over N). Mirror: bench/go/mutex4.go. */
#include "bench.h"

#define WORKERS 4

static rc_mutex mu;
static long long counter, per;
static rc_chan *done;

static void worker(void *arg)
{
    for (long long i = 0; i < per; i++) {
        rc_mutex_lock(&mu);
        counter++;
        rc_mutex_unlock(&mu);
    }
    rc_chan_send(done, &(int){1});
}

int main(int argc, char **argv)
{
    long long n = bench_n(argc, argv, 4000000);
    per = n / WORKERS;
    n = per * WORKERS;
    done = rc_chan_make(sizeof(int), WORKERS);
    int64_t t0 = bench_now();
    for (int i = 0; i < WORKERS; i++)
        rc_go(worker, NULL);
    for (int i = 0; i < WORKERS; i++)
        rc_chan_recv(done, NULL);
    int64_t t1 = bench_now();
    if (counter != n)
        fprintf(stderr, "mutex4: wrong count %lld\n", counter);
    bench_result("mutex4", "ns_per_op", (double)(t1 - t0) / (double)n);
    return 0;
}
