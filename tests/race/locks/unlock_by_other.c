// A Mutex locked by main and unlocked by another goroutine is legal, as in Go
// (scenario N5): main locks m, starts the finisher, and locks m again; the finisher
// unlocks m once main waits (a relaxed look at the waiter count in m.state orders
// nothing), so main's second Lock always blocks first, on a mutex that was never
// unlocked before: it may be a semaphore, so the cycle of one is not reported at once
// (locks.c), and the finisher's Unlock marks m as one for good.
// Expected: NO REPORT.
// STDOUT: data=2
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
// STDERR-NOT: fatal error
#include <racecheck.h>
#include <stdio.h>

static rc_mutex m;
static int data;

static void finisher(void *arg)
{
    (void)arg;
    data++;
    while ((atomic_load_explicit(&m.state, memory_order_relaxed) >> 3) == 0)
        rc_yield();                 /* until main waits (mutex.c: WAITER_SHIFT 3) */
    rc_mutex_unlock(&m);            /* locked by main */
}

int main(void)
{
    rc_mutex_lock(&m);
    data = 1;
    rc_go(finisher, NULL);
    rc_mutex_lock(&m);              /* waits for the finisher's Unlock */
    printf("data=%d\n", data);
    rc_mutex_unlock(&m);
    return 0;
}
