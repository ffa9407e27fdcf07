/* waitgroup.c: WaitGroup fan-out/fan-in: R rounds of Add(10000), 10000 goroutines that
 * each call Done, and Wait. Reports ns per goroutine. Mirror: bench/go/waitgroup.go. */
#include "bench.h"

#define FAN 10000

static rc_waitgroup wg;

static void worker(void *arg) { rc_waitgroup_done(&wg); }

int main(int argc, char **argv)
{
    long long rounds = bench_n(argc, argv, 20);
    int64_t t0 = bench_now();
    for (long long r = 0; r < rounds; r++) {
        rc_waitgroup_add(&wg, FAN);
        for (int i = 0; i < FAN; i++)
            rc_go(worker, NULL);
        rc_waitgroup_wait(&wg);
    }
    int64_t t1 = bench_now();
    bench_result("waitgroup", "ns_per_op", (double)(t1 - t0) / (double)(rounds * FAN));
    return 0;
}
