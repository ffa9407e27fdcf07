// A small rc_go_copy argument block lives in the goroutine's rc_g (sched.h argbuf),
// which the next goroutine reuses. The detector forgets the accesses to it when its
// goroutine exits, as it does for a reused stack: a goroutine that writes its own
// copy must not be reported against the previous goroutine's writes to the same
// bytes, though nothing orders the two goroutines.
// EXIT: 0
// STDERR-NOT: DATA RACE
// STDOUT: same block: yes
#include <racecheck.h>

#include <stdatomic.h>
#include <stdio.h>

static atomic_int finished; /* relaxed only: no edge from the workers to main */
static _Atomic(void *) seen[2]; /* where each worker's block was */

static void worker(void *arg)
{
    long *budget = arg; /* its own copy: it may write it */
    for (int i = 0; i < 3; i++)
        (*budget)--;
    atomic_store_explicit(&seen[atomic_load_explicit(&finished, memory_order_relaxed)], arg,
                          memory_order_relaxed);
    atomic_fetch_add_explicit(&finished, 1, memory_order_relaxed);
}

int main(void)
{
    rc_maxprocs(1); /* the second worker reuses the first one's rc_g */
    for (int k = 0; k < 2; k++) {
        long budget = 10;
        rc_go_copy(worker, &budget, sizeof budget);
        while (atomic_load_explicit(&finished, memory_order_relaxed) == k)
            rc_yield();
        for (int i = 0; i < 4; i++) /* let it exit */
            rc_yield();
    }
    printf("same block: %s\n", atomic_load_explicit(&seen[0], memory_order_relaxed) ==
                                       atomic_load_explicit(&seen[1], memory_order_relaxed)
                                   ? "yes" : "no");
    return 0;
}
