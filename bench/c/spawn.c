/* spawn.c: spawn+exit: N goroutines that do nothing; the last to finish signals main.
 * Reports ns per goroutine (spawn, run, exit). Mirror: bench/go/spawn.go. */
#include "bench.h"

static _Atomic long long left;
static rc_chan *done;

static void nop(void *arg)
{
    if (atomic_fetch_sub(&left, 1) == 1)
        rc_chan_send(done, &(int){1});
}

int main(int argc, char **argv)
{
    long long n = bench_n(argc, argv, 200000);
    done = rc_chan_make(sizeof(int), 1);
    atomic_store(&left, n);
    int64_t t0 = bench_now();
    for (long long i = 0; i < n; i++)
        rc_go(nop, NULL);
    rc_chan_recv(done, NULL);
    int64_t t1 = bench_now();
    bench_result("spawn", "ns_per_op", (double)(t1 - t0) / (double)n);
    return 0;
}
