// P3: RLock of an RWMutex the goroutine holds for writing. Verdict: PARTIAL DEADLOCK
// (self) at the RLock; the other goroutines are unaffected.
// EXIT: 66
// STDERR: WARNING: DEADLOCK
// STDERR: Goroutine 2 waits forever in sync.RWMutex.RLock for M1, which it holds itself:
// STDERR: read_config(
// STDERR: {{FILE}}:{{LINE:rlock}}
// STDERR: update(
// STDERR: {{FILE}}:{{LINE:call}}
// STDERR: M1 acquired here:
// STDERR: update(
// STDERR: {{FILE}}:{{LINE:lock}}
// STDERR: Mutex M1 is global 'cfg_mu' at 0x
// STDOUT: main still running
// STDERR: Found 1 deadlock(s)
// STDERR-NOT: GOROUTINE LEAK
#include <racecheck.h>
#include <stdio.h>

rc_rwmutex cfg_mu;
int cfg;

static int read_config(void)
{
    rc_rwmutex_rlock(&cfg_mu); // @rlock
    int v = cfg;
    rc_rwmutex_runlock(&cfg_mu);
    return v;
}

static void update(void *arg)
{
    rc_chan *stuck = arg;
    rc_rwmutex_lock(&cfg_mu); // @lock
    rc_chan_close(stuck);
    cfg = read_config() + 1; // @call
    rc_rwmutex_unlock(&cfg_mu);
}

int main(void)
{
    printf("config %d\n", read_config());
    rc_rwmutex_lock(&cfg_mu);
    cfg = 1;
    rc_rwmutex_unlock(&cfg_mu);
    rc_chan *stuck = rc_chan_make(0, 0);
    rc_go(update, stuck);
    rc_chan_recv(stuck, NULL);
    for (int i = 0; i < 3; i++)
        rc_sleep(10 * 1000 * 1000);
    printf("main still running\n");
    return 0;
}
