/* pingpong.c: main and one goroutine bounce an int over two unbuffered channels N
 * times. Reports ns per round trip. Mirror: bench/go/pingpong.go. */
#include "bench.h"

static long long n;
static rc_chan *ping, *pong;

static void ponger(void *arg)
{
    long long v;
    for (long long i = 0; i < n; i++) {
        rc_chan_recv(ping, &v);
        v++;
        rc_chan_send(pong, &v);
    }
}

int main(int argc, char **argv)
{
    n = bench_n(argc, argv, 500000);
    ping = rc_chan_make(sizeof(long long), 0);
    pong = rc_chan_make(sizeof(long long), 0);
    rc_go(ponger, NULL);
    long long v = 0;
    int64_t t0 = bench_now();
    for (long long i = 0; i < n; i++) {
        rc_chan_send(ping, &v);
        rc_chan_recv(pong, &v);
    }
    int64_t t1 = bench_now();
    if (v != n)
        fprintf(stderr, "pingpong: wrong count %lld\n", v);
    bench_result("pingpong", "ns_per_op", (double)(t1 - t0) / (double)n);
    return 0;
}
