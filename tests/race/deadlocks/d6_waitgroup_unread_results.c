// D6: workers send their results on an unbuffered channel that nobody reads, while
// main waits for them in wg.Wait(). Verdict: DEADLOCK, main on sync.WaitGroup.Wait,
// each worker on chan send.
// Under the detector (built with the pass, linked with the race runtime) the verdict
// is the same: the fatal error, the dump and exit 2, with no data-race or leak report.
// (The detector's dump adds how long each goroutine has waited: `[chan receive, 0.2
// seconds]`, so the wait reasons are matched as prefixes.)
// EXIT: 2
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR: goroutine 1 [sync.WaitGroup.Wait
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:wait}}
// STDERR: goroutine 2 [chan send
// STDERR: worker()
// STDERR: {{FILE}}:{{LINE:send}}
// STDERR: goroutine 3 [chan send
// STDERR: {{FILE}}:{{LINE:send}}
// STDERR: goroutine 4 [chan send
// STDERR: {{FILE}}:{{LINE:send}}
// STDERR-COUNT: 3 [chan send
// STDOUT-NOT: results
// STDERR-COUNT: 1 fatal error: all goroutines are asleep - deadlock!
// STDERR-NOT: DATA RACE
// STDERR-NOT: GOROUTINE LEAK
// STDERR-NOT: leaked goroutine
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
#include <racecheck.h>
#include <stdio.h>

#define N 3

static rc_waitgroup wg;
static rc_chan *results;

static void worker(void *arg)
{
    int id = *(int *)arg;
    int r = id * 100;
    rc_chan_send(results, &r); // @send
    rc_waitgroup_done(&wg);
}

int main(void)
{
    results = rc_chan_make(sizeof(int), 0);
    for (int i = 0; i < N; i++) {
        rc_waitgroup_add(&wg, 1);
        rc_go_copy(worker, &i, sizeof i);
    }
    rc_waitgroup_wait(&wg); // @wait
    printf("results ready\n");
    return 0;
}
