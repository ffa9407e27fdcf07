// M5: wg.Add(1) called inside the goroutine instead of before `go`, racing with
// wg.Wait() in main. As in Go, the Add that raises the counter from zero reads the
// WaitGroup and the first Wait that blocks writes it, so the two are a data race on
// the WaitGroup. The relaxed flag and the worker's relaxed look at the waiter count
// (both order nothing) only pin the interleaving: Add first, then Wait blocks, then
// Done, so the report always has the same shape. Runtime frames are hidden (REPORTS.md):
// the stacks end at the user's calls to Wait and Add.
// Verdict: RACE.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Write at 0x
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:wait}}
// STDERR: Previous read at 0x
// STDERR: worker()
// STDERR: {{FILE}}:{{LINE:add}}
// STDERR: Location is global 'wg' of size 40
// STDERR: Goroutine 2 (
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:go}}
// STDERR: Found 1 data race(s)
// STDERR-COUNT: 1 WARNING:
// STDERR-COUNT: 1 by main goroutine:
// STDERR-COUNT: 1 by goroutine 2:
// STDERR-NOT: panic
// STDOUT: waited
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
    /* until main is a waiter (the low half of state counts waiters) */
    while ((uint32_t)atomic_load_explicit(&wg.state, memory_order_relaxed) == 0)
        rc_yield();
    rc_waitgroup_done(&wg);
}

int main(void)
{
    rc_go(worker, NULL); // @go
    while (!atomic_load_explicit(&added, memory_order_relaxed))
        rc_yield();
    rc_waitgroup_wait(&wg); // @wait
    printf("waited\n");
    return 0;
}
