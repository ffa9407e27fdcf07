/* pipeline.c: a 3-stage channel pipeline: a producer sends N items into a buffered
 * channel (cap 64), a middle stage transforms each into a second one (cap 64), main
 * consumes and sums. Reports ns per item. Mirrors: ../pthread/pipeline.c (a
 * mutex+condvar bounded queue), ../go/pipeline.go. */
#include "../rb.h"
#include "racecheck.h"

#define CAP 64

static long long n;
static rc_chan *c1, *c2;

static void produce(void *arg)
{
    (void)arg;
    for (long long i = 0; i < n; i++)
        rc_chan_send(c1, &i);
    rc_chan_close(c1);
}

static void transform(void *arg)
{
    (void)arg;
    long long v;
    while (rc_chan_recv(c1, &v)) {
        v = rb_stage(v);
        rc_chan_send(c2, &v);
    }
    rc_chan_close(c2);
}

int main(int argc, char **argv)
{
    n = rb_n(argc, argv, 500000);
    c1 = rc_chan_make(sizeof(long long), CAP);
    c2 = rc_chan_make(sizeof(long long), CAP);
    int64_t t0 = rb_now();
    rc_go(produce, NULL);
    rc_go(transform, NULL);
    long long v, sum = 0;
    while (rc_chan_recv(c2, &v))
        sum += v;
    rb_result("pipeline", rb_now() - t0, n);
    if (sum != 7 * (n * (n - 1) / 2) + n)
        fprintf(stderr, "pipeline: wrong sum %lld\n", sum);
    return 0;
}
