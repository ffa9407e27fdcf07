// The abandoned-results worker pool (pool_abandoned_results.c), fixed both ways Go code
// does it: (1) the results channel is buffered for every job, so no worker ever blocks
// on a result nobody reads; (2) the results channel stays unbuffered but each send is a
// select against a done channel that the caller closes when it returns early. In both,
// the program waits for its workers before exiting (wg), and the failed job's message,
// written by its worker, is read by the caller after the receive.
// Verdict: NO REPORT.
// STDOUT: buffered: failed=1
// STDOUT: done channel: failed=1
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
// STDERR-NOT: fatal error
#include <racecheck.h>
#include <stdio.h>
#include <string.h>

#define NWORKERS 3
#define NJOBS 12

typedef struct { int job; char *msg; } result;

typedef struct pool {
    rc_chan *jobs, *results, *done; /* done: NULL in the buffered version */
    char msgs[NJOBS][32];
    rc_waitgroup wg;
} pool;

static void worker(void *arg)
{
    pool *p = arg;
    int job;
    while (rc_chan_recv(p->jobs, &job)) {
        result r = { job, NULL };
        if (job != 0) {            /* only job 0 succeeds */
            snprintf(p->msgs[job], sizeof p->msgs[job], "job %d failed", job);
            r.msg = p->msgs[job];
        }
        if (!p->done) {
            rc_chan_send(p->results, &r);
            continue;
        }
        rc_case cases[2] = { rc_send_case(p->results, &r), rc_recv_case(p->done, NULL) };
        if (rc_select(cases, 2) == 1)
            break;                 /* the caller is gone */
    }
    rc_waitgroup_done(&p->wg);
}

static const char *process(pool *p, size_t results_cap, bool use_done)
{
    p->jobs = rc_chan_make(sizeof(int), NJOBS);
    p->results = rc_chan_make(sizeof(result), results_cap);
    p->done = use_done ? rc_chan_make(0, 0) : NULL;
    for (int i = 0; i < NJOBS; i++)
        rc_chan_send(p->jobs, &i);
    rc_chan_close(p->jobs);
    for (int i = 0; i < NWORKERS; i++) {
        rc_waitgroup_add(&p->wg, 1);
        rc_go(worker, p);
    }
    const char *err = NULL;
    for (int i = 0; i < NJOBS && !err; i++) {
        result r;
        rc_chan_recv(p->results, &r);
        err = r.msg;
    }
    if (p->done)
        rc_chan_close(p->done);    /* defer close(done) */
    return err;
}

int main(void)
{
    static pool a, b;
    const char *err = process(&a, NJOBS, false);
    printf("buffered: failed=%d\n", err && strstr(err, " failed"));
    err = process(&b, 0, true);
    printf("done channel: failed=%d\n", err && strstr(err, " failed"));
    rc_waitgroup_wait(&a.wg);
    rc_waitgroup_wait(&b.wg);
    return 0;
}
