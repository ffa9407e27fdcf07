// N13: "atomic composition": each goroutine does two atomic loads and then an atomic
// store (count = count + step; check-then-act on a high-water mark). Updates are
// lost, a logic bug, but every access is atomic: not a data race. Each goroutine's
// plain slot in done_iters is read by main after Wait.
// Verdict: NO REPORT (the exact counts vary; only their bounds are printed).
// STDOUT: iters=4000 in_range=1
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
// STDERR-NOT: fatal error
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>

#define NG 8
#define ITERS 500

static atomic_long count, step;
static atomic_int peak;
static long done_iters[NG];
static rc_waitgroup wg;

static void worker(void *arg)
{
    int id = *(int *)arg;
    for (int i = 0; i < ITERS; i++) {
        long c = atomic_load(&count);          /* load ... */
        long s = atomic_load(&step);           /* ... load ... */
        atomic_store(&count, c + s);           /* ... store: not atomic as a whole */
        int p = atomic_load_explicit(&peak, memory_order_relaxed);
        if (id * ITERS + i > p)                /* check-then-act on a maximum */
            atomic_store_explicit(&peak, id * ITERS + i, memory_order_relaxed);
        if (i % 50 == 0)
            rc_yield();
    }
    done_iters[id] = ITERS;
    rc_waitgroup_done(&wg);
}

int main(void)
{
    atomic_store(&step, 1);
    for (int i = 0; i < NG; i++) {
        rc_waitgroup_add(&wg, 1);
        rc_go_copy(worker, &i, sizeof i);
    }
    rc_waitgroup_wait(&wg);
    long iters = 0;
    for (int i = 0; i < NG; i++)
        iters += done_iters[i];
    long c = atomic_load(&count);
    int p = atomic_load(&peak);
    /* any interleaving: at least one increment survives, none is invented */
    printf("iters=%ld in_range=%d\n", iters,
           c >= 1 && c <= iters && p >= 0 && p < NG * ITERS);
    return 0;
}
