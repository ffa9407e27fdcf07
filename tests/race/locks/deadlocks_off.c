/* RCRACE=deadlocks=0 leaves lock-order and deadlock tracking out: main takes a and b
 * in both orders (a lock-order inversion, reported by default: p1_transfer_order), and
 * nothing says so; the race on x is still reported, with the mutex each side held. */
// ENV: RCRACE=deadlocks=0
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: by main goroutine (mutexes: write M1):
// STDERR: {{FILE}}:{{LINE:main}}
// STDERR: by goroutine 2 (mutexes: write M2):
// STDERR: {{FILE}}:{{LINE:writer}}
// STDERR: Found 1 data race(s)
// STDERR-NOT: LOCK ORDER
// STDERR-NOT: lock-order
#include <racecheck.h>
#include <stdatomic.h>

static rc_mutex a, b;
int x; /* not static: globalopt would delete stores to a global nobody reads */
static atomic_int done; /* relaxed: no happens-before edge */

static void writer(void *arg)
{
    (void)arg;
    rc_mutex_lock(&b);
    x = 1; // @writer
    rc_mutex_unlock(&b);
    atomic_store_explicit(&done, 1, memory_order_relaxed);
}

int main(void)
{
    rc_mutex_lock(&a); /* a then b ... */
    rc_mutex_lock(&b);
    rc_mutex_unlock(&b);
    rc_mutex_unlock(&a);
    rc_mutex_lock(&b); /* ... and b then a */
    rc_mutex_lock(&a);
    rc_mutex_unlock(&a);
    rc_mutex_unlock(&b);
    rc_go(writer, NULL);
    while (!atomic_load_explicit(&done, memory_order_relaxed))
        rc_yield();
    rc_mutex_lock(&a);
    x = 2; // @main
    rc_mutex_unlock(&a);
    return 0;
}
