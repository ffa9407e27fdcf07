/* TSan's addition to the report: the mutexes each side held. The writer holds mu
 * (Lock) and rw (RLock); main writes x holding only other, a different mutex, so the
 * accesses still race, and the report names all three. */
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: by main goroutine (mutexes: write M1):
// STDERR: {{FILE}}:{{LINE:main}}
// STDERR: by goroutine 2 (mutexes: write M2, read M3):
// STDERR: {{FILE}}:{{LINE:writer}}
// STDERR: Mutex M1 is global 'other' at
// STDERR: Mutex M2 is global 'mu' at
// STDERR: Mutex M3 is global 'rw' at
// STDERR: Found 1 data race(s)
#include <racecheck.h>
#include <stdatomic.h>

static rc_mutex mu, other;
static rc_rwmutex rw;
int x; /* not static: globalopt would delete stores to a global nobody reads */
static atomic_int done; /* relaxed: no happens-before edge */

static void writer(void *arg)
{
    (void)arg;
    rc_mutex_lock(&mu);
    rc_rwmutex_rlock(&rw);
    x = 1; // @writer
    rc_rwmutex_runlock(&rw);
    rc_mutex_unlock(&mu);
    atomic_store_explicit(&done, 1, memory_order_relaxed);
}

int main(void)
{
    rc_go(writer, NULL);
    while (!atomic_load_explicit(&done, memory_order_relaxed))
        rc_yield();
    rc_mutex_lock(&other);
    x = 2; // @main
    rc_mutex_unlock(&other);
    return 0;
}
