// Detector bug repro (false DEADLOCK report): a Mutex locked by main and unlocked by
// another goroutine is legal, as in Go (scenario N5; issue 5: "Unlock by a goroutine
// other than the locker is legal: no report"). Main locks m, starts the finisher, and
// locks m again; the finisher unlocks m once main waits (a relaxed look at the waiter
// count in m.state orders nothing), so main's second Lock always blocks first.
// racecheck reports "WARNING: DEADLOCK / Main goroutine waits forever in sync.Mutex.Lock
// for M1, which it holds itself" at the second Lock and exits 66: locks.c treats the
// recorded locker as the only goroutine that can release m (a self-cycle is reported
// at once), but any goroutine may Unlock. n05_mutex.c shows the same at -O0, where main
// reaches its second Lock before the finisher runs.
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
