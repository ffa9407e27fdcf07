// D4: two philosophers lock their forks in opposite orders; main blocks in select {}.
// Channels make the deadlock certain: each takes its first fork, and only when both
// hold one do they reach for the second. Verdict: DEADLOCK, the dump shows both
// goroutines on their mutex and main on the empty select.
// Under the detector (built with the pass, linked with the race runtime) the verdict
// is the same: the fatal error, the dump and exit 2, with no data-race or leak report.
// (The detector's dump adds how long each goroutine has waited: `[chan receive, 0.2
// seconds]`, so the wait reasons are matched as prefixes.)
// The detector also reports the cycle in the lock order graph (LOCK ORDER, always)
// and the wait-for cycle (DEADLOCK) before the fatal error.
// EXIT: 2
// STDERR: WARNING: LOCK ORDER INVERSION (potential deadlock)
// STDERR: Cycle in lock order graph: M1 (0x
// STDERR: WARNING: DEADLOCK
// STDERR: goroutines wait for each other forever: goroutine 2 => M1 =>
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR: goroutine 1 [select (no cases)
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:select}}
// STDERR: goroutine 2 [sync.Mutex.Lock
// STDERR: philosopher()
// STDERR: {{FILE}}:{{LINE:second}}
// STDERR: created by main in goroutine 1
// STDERR: {{FILE}}:{{LINE:go}}
// STDERR: goroutine 3 [sync.Mutex.Lock
// STDERR: philosopher()
// STDERR: {{FILE}}:{{LINE:second}}
// STDERR: created by main in goroutine 1
// STDERR: {{FILE}}:{{LINE:go}}
// STDOUT-NOT: eating
// STDERR-COUNT: 1 fatal error: all goroutines are asleep - deadlock!
// STDERR-NOT: DATA RACE
// STDERR-NOT: GOROUTINE LEAK
// STDERR-NOT: leaked goroutine
#include <racecheck.h>
#include <stdio.h>

static rc_mutex forks[2];
static rc_chan *holding, *reach;

static void philosopher(void *arg)
{
    int me = *(int *)arg;
    rc_mutex *first = &forks[me], *second = &forks[1 - me];
    rc_mutex_lock(first);
    rc_chan_send(holding, NULL);
    rc_chan_recv(reach, NULL);
    rc_mutex_lock(second); // @second
    printf("philosopher %d eating\n", me);
    rc_mutex_unlock(second);
    rc_mutex_unlock(first);
}

int main(void)
{
    holding = rc_chan_make(0, 0);
    reach = rc_chan_make(0, 0);
    for (int i = 0; i < 2; i++)
        rc_go_copy(philosopher, &i, sizeof i); // @go
    rc_chan_recv(holding, NULL);
    rc_chan_recv(holding, NULL);
    rc_chan_close(reach);
    rc_select(NULL, 0); // @select
    return 0;
}
