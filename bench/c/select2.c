/* select2.c: main selects N times over two unbuffered channels, each fed N/2 ints by
 * its own producer. Reports ns per select. Mirror: bench/go/select2.go. */
#include "bench.h"

static long long half;

static void producer(void *arg)
{
    rc_chan *c = arg;
    for (long long i = 0; i < half; i++)
        rc_chan_send(c, &i);
}

int main(int argc, char **argv)
{
    long long n = bench_n(argc, argv, 1000000);
    half = n / 2;
    n = 2 * half;
    rc_chan *a = rc_chan_make(sizeof(long long), 0);
    rc_chan *b = rc_chan_make(sizeof(long long), 0);
    long long va, vb, sum = 0;
    int64_t t0 = bench_now();
    rc_go(producer, a);
    rc_go(producer, b);
    for (long long i = 0; i < n; i++) {
        rc_case cs[2] = { rc_recv_case(a, &va), rc_recv_case(b, &vb) };
        sum += rc_select(cs, 2) == 0 ? va : vb;
    }
    int64_t t1 = bench_now();
    if (sum != half * (half - 1))
        fprintf(stderr, "select2: wrong sum %lld\n", sum);
    bench_result("select2", "ns_per_op", (double)(t1 - t0) / (double)n);
    return 0;
}
