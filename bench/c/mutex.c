/* mutex.c: uncontended Mutex: N lock/unlock pairs in one goroutine. Reports ns per
 * pair. Mirror: bench/go/mutex.go. */
#include "bench.h"

static rc_mutex mu;
static volatile long long counter;

int main(int argc, char **argv)
{
    long long n = bench_n(argc, argv, 20000000);
    int64_t t0 = bench_now();
    for (long long i = 0; i < n; i++) {
        rc_mutex_lock(&mu);
        counter++;
        rc_mutex_unlock(&mu);
    }
    int64_t t1 = bench_now();
    bench_result("mutex", "ns_per_op", (double)(t1 - t0) / (double)n);
    return 0;
}
