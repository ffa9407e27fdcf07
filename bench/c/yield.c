/* yield.c: 2 goroutines each calling rc_yield N times. Reports ns per yield (total time
 * over 2N yields). Mirror: bench/go/yield.go. */
#include "bench.h"

static long long n;
static rc_chan *done;

static void yielder(void *arg)
{
    for (long long i = 0; i < n; i++)
        rc_yield();
    rc_chan_send(done, &(int){1});
}

int main(int argc, char **argv)
{
    n = bench_n(argc, argv, 1000000);
    done = rc_chan_make(sizeof(int), 2);
    int64_t t0 = bench_now();
    rc_go(yielder, NULL);
    rc_go(yielder, NULL);
    rc_chan_recv(done, NULL);
    rc_chan_recv(done, NULL);
    int64_t t1 = bench_now();
    bench_result("yield", "ns_per_op", (double)(t1 - t0) / (double)(2 * n));
    return 0;
}
