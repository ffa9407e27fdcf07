// A goroutine that once held more mutexes than its held set names (8) still counts
// as a holder: goroutine 2 takes nine, releases the eight the set names, and waits
// for x while holding the ninth, which goroutine 3 waits for while holding x.
// Verdict: DEADLOCK through both (a waiter that holds nothing is not tracked, so the
// detector must not take "held set empty" for "holds nothing" here), then Go's fatal.
// EXIT: 2
// STDERR: WARNING: DEADLOCK
// STDERR: 2 goroutines wait for each other forever: goroutine 2 => M1 => goroutine 3 => M2 => goroutine 2
// STDERR: Goroutine 2 acquired M2 here:
// STDERR: {{FILE}}:{{LINE:ninth}}
// STDERR: Mutex M1 is global 'x' at 0x
// STDERR: Mutex M2 is global 'm+384' at 0x
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR-NOT: DATA RACE
#include <racecheck.h>

#define N 9

static rc_mutex m[N], x;
static rc_chan *ready, *go_on, *done;

static void hoarder(void *arg)
{
    (void)arg;
    for (int i = 0; i < N; i++)
        rc_mutex_lock(&m[i]); // @ninth
    for (int i = 0; i < N - 1; i++)
        rc_mutex_unlock(&m[i]);
    rc_chan_send(ready, NULL);
    rc_chan_recv(go_on, NULL);
    rc_mutex_lock(&x);
    rc_chan_send(done, NULL);
}

static void other(void *arg)
{
    (void)arg;
    rc_mutex_lock(&x);
    rc_chan_send(ready, NULL);
    rc_chan_recv(go_on, NULL);
    rc_mutex_lock(&m[N - 1]);
    rc_chan_send(done, NULL);
}

int main(void)
{
    ready = rc_chan_make(0, 0);
    go_on = rc_chan_make(0, 0);
    done = rc_chan_make(0, 0);
    rc_go(hoarder, NULL);
    rc_chan_recv(ready, NULL);
    rc_go(other, NULL);
    rc_chan_recv(ready, NULL);
    rc_chan_close(go_on);
    rc_chan_recv(done, NULL);
    rc_chan_recv(done, NULL);
    return 0;
}
