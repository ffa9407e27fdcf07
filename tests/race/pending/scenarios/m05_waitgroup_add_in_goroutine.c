// M5: wg.Add(1) called inside the goroutine, racing with wg.Wait(). Go's race detector
// reports it as a race on the WaitGroup: Add from zero reads &wg.sema, the first Wait
// to block writes it, and nothing orders the two. The relaxed `added` flag (orders
// nothing) makes Add run before Wait; the goroutine calls Done only once main waits
// (it watches the waiter count), so Wait really blocks, as in Go's reported case.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: by main goroutine:
// STDERR: {{FILE}}:{{LINE:wait}}
// STDERR: by goroutine 2:
// STDERR: {{FILE}}:{{LINE:add}}
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>

static rc_waitgroup wg;
static atomic_int added; /* relaxed: orders nothing */

static void worker(void *arg)
{
    (void)arg;
    rc_waitgroup_add(&wg, 1); // @add
    atomic_store_explicit(&added, 1, memory_order_relaxed);
    while ((uint32_t)atomic_load_explicit(&wg.state, memory_order_relaxed) == 0)
        rc_yield(); /* until main is a waiter (peeks at the private state) */
    rc_waitgroup_done(&wg);
}

int main(void)
{
    rc_go(worker, NULL);
    while (atomic_load_explicit(&added, memory_order_relaxed) == 0)
        rc_yield();
    rc_waitgroup_wait(&wg); // @wait
    printf("waited\n");
    return 0;
}
