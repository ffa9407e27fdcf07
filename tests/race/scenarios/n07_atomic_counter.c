// N7: an atomic counter incremented by 10 goroutines to 10 000, three ways: a seq_cst
// atomic_fetch_add, a relaxed one (relaxed atomics order nothing, but they never race
// with each other), and a compare-and-swap loop. Main reads the counters both
// atomically and plainly after Wait (every Done happens before Wait returns).
// Verdict: NO REPORT.
// STDOUT: seq_cst=10000 relaxed=10000 cas=10000 plain=30000
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
// STDERR-NOT: fatal error
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>

#define NG 10
#define ITERS 1000

static atomic_int seq_cst;
static atomic_long relaxed;
static _Atomic unsigned cas;
static rc_waitgroup wg;

static void incr(void *arg)
{
    (void)arg;
    for (int i = 0; i < ITERS; i++) {
        atomic_fetch_add(&seq_cst, 1);
        atomic_fetch_add_explicit(&relaxed, 1, memory_order_relaxed);
        unsigned old = atomic_load_explicit(&cas, memory_order_relaxed);
        while (!atomic_compare_exchange_weak(&cas, &old, old + 1))
            ;
        if (i % 100 == 0)
            rc_yield();
    }
    rc_waitgroup_done(&wg);
}

int main(void)
{
    for (int i = 0; i < NG; i++) {
        rc_waitgroup_add(&wg, 1);
        rc_go(incr, NULL);
    }
    rc_waitgroup_wait(&wg);
    /* plain reads of the atomics' storage: ordered after every increment by Wait */
    long plain = *(int *)&seq_cst + *(long *)&relaxed + *(unsigned *)&cas;
    printf("seq_cst=%d relaxed=%ld cas=%u plain=%ld\n", atomic_load(&seq_cst),
           atomic_load(&relaxed), atomic_load(&cas), plain);
    return 0;
}
