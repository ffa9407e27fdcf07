// D7: one goroutine both submits jobs to and reads results from a worker pool whose
// queues are unbuffered: it submits all jobs first, the two workers block sending
// their first results, and the third submit never finds a taker. Verdict: DEADLOCK,
// main on "chan send" (the submit) and both workers on "chan send" (the result).
// Under the detector (built with the pass, linked with the race runtime) the verdict
// is the same: the fatal error, the dump and exit 2, with no data-race or leak report.
// (The detector's dump adds how long each goroutine has waited: `[chan receive, 0.2
// seconds]`, so the wait reasons are matched as prefixes.)
// EXIT: 2
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR: goroutine 1 [chan send
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:submit}}
// STDERR: goroutine 2 [chan send
// STDERR: worker()
// STDERR: {{FILE}}:{{LINE:result}}
// STDERR: created by main in goroutine 1
// STDERR: {{FILE}}:{{LINE:go}}
// STDERR: goroutine 3 [chan send
// STDERR: worker()
// STDERR: {{FILE}}:{{LINE:result}}
// STDERR: created by main in goroutine 1
// STDERR: {{FILE}}:{{LINE:go}}
// STDOUT-NOT: result
// STDERR-COUNT: 1 fatal error: all goroutines are asleep - deadlock!
// STDERR-NOT: DATA RACE
// STDERR-NOT: GOROUTINE LEAK
// STDERR-NOT: leaked goroutine
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
#include <racecheck.h>
#include <stdio.h>

#define NWORKERS 2
#define NJOBS 5

static rc_chan *jobs, *results;

static void worker(void *arg)
{
    int job;
    while (rc_chan_recv(jobs, &job)) {
        int r = job * job;
        rc_chan_send(results, &r); // @result
    }
}

int main(void)
{
    jobs = rc_chan_make(sizeof(int), 0);
    results = rc_chan_make(sizeof(int), 0);
    for (int i = 0; i < NWORKERS; i++)
        rc_go(worker, NULL); // @go
    for (int i = 0; i < NJOBS; i++)
        rc_chan_send(jobs, &i); // @submit
    for (int i = 0; i < NJOBS; i++) {
        int r;
        rc_chan_recv(results, &r);
        printf("result %d\n", r);
    }
    return 0;
}
