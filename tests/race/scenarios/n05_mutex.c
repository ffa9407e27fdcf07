// N5: a mutex-protected counter incremented by 8 goroutines; and a mutex locked by main
// and unlocked by another goroutine (allowed, as in Go): the unlock orders that
// goroutine's write before main's next Lock.
// STDOUT: counter=8000 data=2
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
// STDERR-NOT: fatal error
#include <racecheck.h>
#include <stdio.h>

static rc_mutex mu, handoff;
static int counter, data;
static rc_waitgroup wg;

static void incr(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        rc_mutex_lock(&mu);
        counter++;
        rc_mutex_unlock(&mu);
    }
    rc_waitgroup_done(&wg);
}

static void finisher(void *arg)
{
    (void)arg;
    data++;                      /* main's data = 1 is ordered by the go statement */
    rc_mutex_unlock(&handoff);   /* locked by main */
}

int main(void)
{
    for (int i = 0; i < 8; i++) {
        rc_waitgroup_add(&wg, 1);
        rc_go(incr, NULL);
    }
    rc_mutex_lock(&handoff);
    data = 1;
    rc_go(finisher, NULL);
    rc_mutex_lock(&handoff);     /* waits for finisher's Unlock */
    int d = data;
    rc_mutex_unlock(&handoff);
    rc_waitgroup_wait(&wg);
    printf("counter=%d data=%d\n", counter, d);
    return 0;
}
