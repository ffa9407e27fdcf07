/* A finished goroutine's detector state is reused once it leaves the quarantine
 * (slot.c: 1024 finished goroutines per P); the cells it left still name its slot
 * tenure, whose journal entry points at the state. Goroutine 2 writes x and
 * finishes; 3000 short goroutines come and go on the one P, so its state is reused
 * by one of them; goroutine 3003 then writes x, unordered with goroutine 2's write.
 * The report must still name goroutine 2, not whoever holds its state now, and say
 * that its stack is gone. (Main waits for all of them through relaxed atomics: had it
 * synchronised with the fillers, its clock would hold later epochs of goroutine 2's
 * slot, which they reused, and order goroutine 2's write before goroutine 3003: the
 * precision limit race.h describes.) */
// ENV: RCMAXPROCS=1
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: by goroutine 3003:
// STDERR: second()
// STDERR: {{FILE}}:{{LINE:second}}
// STDERR: by goroutine 2:
// STDERR: [failed to restore the stack]
// STDERR: Goroutine 3003 (running) created at:
// STDERR: Found 1 data race(s)
// STDERR-ANY: Previous write at 0x
// STDERR-NOT: Goroutine 2 (finished) created at:
// TIMEOUT: 120
#include <racecheck.h>
#include <stdatomic.h>

enum { FILLERS = 3000 };

long x; /* not static: the stores must stay */
static atomic_int done; /* relaxed: orders nothing */

static void first(void *arg)
{
    (void)arg;
    x = 1;
    atomic_fetch_add_explicit(&done, 1, memory_order_relaxed);
}

static void filler(void *arg)
{
    (void)arg;
    atomic_fetch_add_explicit(&done, 1, memory_order_relaxed);
}

static void second(void *arg)
{
    (void)arg;
    x = 2; // @second
    atomic_fetch_add_explicit(&done, 1, memory_order_relaxed);
}

static void wait_for(int n)
{
    while (atomic_load_explicit(&done, memory_order_relaxed) < n)
        rc_yield();
}

int main(void)
{
    rc_go(first, NULL); /* goroutine 2: it finishes with no edge to anyone */
    wait_for(1);
    for (int i = 0; i < FILLERS; i++) /* goroutines 3 .. 3002 */
        rc_go(filler, NULL);
    wait_for(1 + FILLERS);
    rc_go(second, NULL); /* goroutine 3003 */
    wait_for(2 + FILLERS);
    return 0;
}
