/* chanbuf.c: buffered channel throughput: one producer sends N ints into a channel of
 * capacity 128, main receives them. Reports ns per item. Mirror: bench/go/chanbuf.go. */
#include "bench.h"

static long long n;
static rc_chan *c;

static void producer(void *arg)
{
    for (long long i = 0; i < n; i++)
        rc_chan_send(c, &i);
}

int main(int argc, char **argv)
{
    n = bench_n(argc, argv, 2000000);
    c = rc_chan_make(sizeof(long long), 128);
    long long v, sum = 0;
    int64_t t0 = bench_now();
    rc_go(producer, NULL);
    for (long long i = 0; i < n; i++) {
        rc_chan_recv(c, &v);
        sum += v;
    }
    int64_t t1 = bench_now();
    if (sum != n * (n - 1) / 2)
        fprintf(stderr, "chanbuf: wrong sum %lld\n", sum);
    bench_result("chanbuf", "ns_per_op", (double)(t1 - t0) / (double)n);
    return 0;
}
