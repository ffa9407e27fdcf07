// A worker pool whose result channel is abandoned on error: process() starts 3
// workers that range over a closed, buffered job queue and send each result on an
// unbuffered channel; the caller returns at the first failed result. Every job but
// the first fails, so the caller reads at most two results and at least 8 jobs are
// still queued: each worker ends up blocked sending a result nobody will read.
// Verdict: LEAK of the 3 workers, one report grouped by their common stack.
// Two processors: some workers may still be runnable when main returns, and with one
// the exit check misses them (detector bug, tests/race/pending/leak_runnable_one_proc.c).
// ENV: RCMAXPROCS=2
// EXIT: 66
// STDOUT: process: job failed
// STDERR: WARNING: GOROUTINE LEAK
// STDERR: 3 goroutines blocked forever in chan send with this stack
// STDERR: worker()
// STDERR: {{FILE}}:{{LINE:send}}
// STDERR: created at:
// STDERR: process(
// STDERR: {{FILE}}:{{LINE:go}}
// STDERR: Found 3 leaked goroutine(s)
// STDERR-COUNT: 1 WARNING:
// STDERR-NOT: DATA RACE
#include <racecheck.h>
#include <stdio.h>

#define NWORKERS 3
#define NJOBS 12

typedef struct { int job; int err; } result;

static void worker(void *arg)
{
    rc_chan **ch = arg;      /* ch[0]: jobs, ch[1]: results */
    int job;
    while (rc_chan_recv(ch[0], &job)) {
        result r = { job, job != 0 }; /* only job 0 succeeds */
        rc_chan_send(ch[1], &r); // @send
    }
}

static const char *process(void)
{
    static rc_chan *ch[2];
    ch[0] = rc_chan_make(sizeof(int), NJOBS);
    ch[1] = rc_chan_make(sizeof(result), 0);
    for (int i = 0; i < NJOBS; i++)
        rc_chan_send(ch[0], &i);
    rc_chan_close(ch[0]);
    for (int i = 0; i < NWORKERS; i++)
        rc_go(worker, ch); // @go
    for (int i = 0; i < NJOBS; i++) {
        result r;
        rc_chan_recv(ch[1], &r);
        if (r.err)
            return "job failed"; /* the workers still have results to send */
    }
    return NULL;
}

int main(void)
{
    const char *err = process();
    printf("process: %s\n", err ? err : "ok");
    return 0;
}
