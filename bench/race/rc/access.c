/* access.c: access-heavy loop, no races: 2 goroutines each make their own 4M-int array
 * and do N passes over it (read + write of every element). Reports ns per element
 * update. Mirrors: ../pthread/access.c, ../go/access.go. */
#include "../rb.h"
#include "racecheck.h"

#define WORKERS 2
#define LEN (4L << 20)

static int passes;
static rc_chan *done;

static void worker(void *arg)
{
    (void)arg;
    int *a = calloc(LEN, sizeof *a);
    uint64_t sum = 0;
    for (int p = 0; p < passes; p++)
        sum += rb_access_pass(a, LEN, p);
    free(a);
    rc_chan_send(done, &sum);
}

int main(int argc, char **argv)
{
    passes = (int)rb_n(argc, argv, 4);
    done = rc_chan_make(sizeof(uint64_t), WORKERS);
    int64_t t0 = rb_now();
    for (int i = 0; i < WORKERS; i++)
        rc_go(worker, NULL);
    uint64_t sum = 0, s;
    for (int i = 0; i < WORKERS; i++) {
        rc_chan_recv(done, &s);
        sum += s;
    }
    rb_result("access", rb_now() - t0, (long long)WORKERS * LEN * passes);
    fprintf(stderr, "access: sum %llu\n", (unsigned long long)sum);
    return 0;
}
