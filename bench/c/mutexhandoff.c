/* mutexhandoff.c: the worst case for biased Mutexes. Goroutine A locks each of N
 * mutexes 100 times (enough to bias it to A's thread), then hands it over a channel to
 * goroutine B on the other processor, which locks it once (a revocation, while A's
 * thread runs). Reports ns per mutex. Mirror: bench/go/mutexhandoff.go. */
#include "bench.h"

#define LOCKS 100

typedef struct {
    rc_mutex mu;
    long long count;
} object;

static object *objs;
static long long n;
static rc_chan *handoff, *done;

static void owner(void *arg)
{
    for (long long i = 0; i < n; i++) {
        for (int k = 0; k < LOCKS; k++) {
            rc_mutex_lock(&objs[i].mu);
            objs[i].count++;
            rc_mutex_unlock(&objs[i].mu);
        }
        rc_chan_send(handoff, &i);
    }
}

static void taker(void *arg)
{
    for (long long k = 0; k < n; k++) {
        long long i;
        rc_chan_recv(handoff, &i);
        rc_mutex_lock(&objs[i].mu);
        objs[i].count++;
        rc_mutex_unlock(&objs[i].mu);
    }
    rc_chan_send(done, &(int){1});
}

int main(int argc, char **argv)
{
    n = bench_n(argc, argv, 20000);
    objs = calloc((size_t)n, sizeof *objs);
    handoff = rc_chan_make(sizeof(long long), 64);
    done = rc_chan_make(sizeof(int), 1);
    int64_t t0 = bench_now();
    rc_go(owner, NULL);
    rc_go(taker, NULL);
    rc_chan_recv(done, NULL);
    int64_t t1 = bench_now();
    for (long long i = 0; i < n; i++)
        if (objs[i].count != LOCKS + 1) {
            fprintf(stderr, "mutexhandoff: wrong count %lld\n", objs[i].count);
            break;
        }
    bench_result("mutexhandoff", "ns_per_op", (double)(t1 - t0) / (double)n);
    return 0;
}
