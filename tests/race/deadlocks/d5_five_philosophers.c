// D5: five philosophers with mutex forks, each taking its left fork then its right.
// Channels make the deadlock certain: nobody reaches for the right fork until all
// five hold their left one. Verdict: DEADLOCK, all five on sync.Mutex.Lock at the
// right-fork line, main waiting for them.
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
// STDERR: goroutine 1 [chan receive
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:wait}}
// STDERR: goroutine 2 [sync.Mutex.Lock
// STDERR: {{FILE}}:{{LINE:right}}
// STDERR: goroutine 3 [sync.Mutex.Lock
// STDERR: {{FILE}}:{{LINE:right}}
// STDERR: goroutine 4 [sync.Mutex.Lock
// STDERR: {{FILE}}:{{LINE:right}}
// STDERR: goroutine 5 [sync.Mutex.Lock
// STDERR: {{FILE}}:{{LINE:right}}
// STDERR: goroutine 6 [sync.Mutex.Lock
// STDERR: {{FILE}}:{{LINE:right}}
// STDERR-COUNT: 5 [sync.Mutex.Lock
// STDOUT-NOT: eats
// STDERR-COUNT: 1 fatal error: all goroutines are asleep - deadlock!
// STDERR-NOT: DATA RACE
// STDERR-NOT: GOROUTINE LEAK
// STDERR-NOT: leaked goroutine
#include <racecheck.h>
#include <stdio.h>

#define N 5

static rc_mutex forks[N];
static rc_chan *holding, *reach, *done;

static void philosopher(void *arg)
{
    int me = *(int *)arg;
    rc_mutex *left = &forks[me], *right = &forks[(me + 1) % N];
    rc_mutex_lock(left);
    rc_chan_send(holding, NULL);
    rc_chan_recv(reach, NULL);
    rc_mutex_lock(right); // @right
    printf("philosopher %d eats\n", me);
    rc_mutex_unlock(right);
    rc_mutex_unlock(left);
    rc_chan_send(done, NULL);
}

int main(void)
{
    holding = rc_chan_make(0, 0);
    reach = rc_chan_make(0, 0);
    done = rc_chan_make(0, 0);
    for (int i = 0; i < N; i++)
        rc_go_copy(philosopher, &i, sizeof i);
    for (int i = 0; i < N; i++)
        rc_chan_recv(holding, NULL);
    rc_chan_close(reach);
    for (int i = 0; i < N; i++)
        rc_chan_recv(done, NULL); // @wait
    return 0;
}
