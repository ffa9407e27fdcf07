/* rss.c: memory per parked goroutine: spawn K goroutines that block receiving on one
 * channel, wait until all have started, and report (VmRSS - baseline) / K.
 * Mirror: bench/go/rss.go. */
#include "bench.h"

static _Atomic long long started;
static rc_chan *block;

static void parker(void *arg)
{
    atomic_fetch_add(&started, 1);
    rc_chan_recv(block, NULL);
}

int main(int argc, char **argv)
{
    long long k = bench_n(argc, argv, 100000);
    block = rc_chan_make(sizeof(int), 0);
    long long base = bench_rss();
    for (long long i = 0; i < k; i++)
        rc_go(parker, NULL);
    while (atomic_load(&started) < k)
        rc_yield();
    rc_sleep(10 * RC_MILLISECOND); /* let the last ones reach their park */
    long long rss = bench_rss();
    char name[64];
    snprintf(name, sizeof name, "rss_%lld", k);
    bench_result(name, "bytes_per_g", (double)(rss - base) / (double)k);
    return 0;
}
