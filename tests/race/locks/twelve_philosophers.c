// Twelve philosophers, each taking its left fork then its right (D5 with N = 12):
// the wait-for cycle and the lock-order cycle have twelve links, past the eight the
// detector once searched. Verdict: DEADLOCK naming all twelve, LOCK ORDER with twelve
// mutexes, then Go's fatal error.
// EXIT: 2
// STDERR: WARNING: LOCK ORDER INVERSION (potential deadlock)
// STDERR: Cycle in lock order graph: M1 (0x
// STDERR: WARNING: DEADLOCK
// STDERR: 12 goroutines wait for each other forever: goroutine 2 => M1 => goroutine 3 => M2 => goroutine 4 => M3 => goroutine 5 => M4 => goroutine 6 => M5 => goroutine 7 => M6 => goroutine 8 => M7 => goroutine 9 => M8 => goroutine 10 => M9 => goroutine 11 => M10 => goroutine 12 => M11 => goroutine 13 => M12 => goroutine 2
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR-COUNT: 12 [sync.Mutex.Lock
// STDERR-NOT: DATA RACE
// STDERR-NOT: GOROUTINE LEAK
#include <racecheck.h>
#include <stdio.h>

#define N 12

static rc_mutex forks[N];
static rc_chan *holding, *reach, *done;

static void philosopher(void *arg)
{
    int me = *(int *)arg;
    rc_mutex *left = &forks[me], *right = &forks[(me + 1) % N];
    rc_mutex_lock(left);
    rc_chan_send(holding, NULL);
    rc_chan_recv(reach, NULL);
    rc_mutex_lock(right);
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
        rc_chan_recv(done, NULL);
    return 0;
}
