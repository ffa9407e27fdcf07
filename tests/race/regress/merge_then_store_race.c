/* A release store replaces an atomic's clock; read-modify-writes before it merged into
 * the atomic's per-P partial clocks (rt/race/sync.c), which the store must empty.
 * Goroutine 2 writes x, then adds 1 to flag (release: a merge). Goroutine 3 sees 1
 * with a relaxed load (no edge) and stores 5 (release: a copy). main waits for 5 with
 * relaxed loads, then reads it with an acquire load: it synchronises with goroutine
 * 3 only, so its read of x races with
 * goroutine 2's write. (Missed if the store leaves goroutine 2's merge behind.) */
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Read at 0x
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:read}}
// STDERR: Previous write at 0x
// STDERR: writer()
// STDERR: {{FILE}}:{{LINE:write}}
// STDERR: Found 1 data race(s)
#include <racecheck.h>
#include <stdatomic.h>

long x; /* not static: the stores must stay */
static atomic_long flag;
static volatile long sink;

static void writer(void *arg)
{
    (void)arg;
    x = 1; // @write
    atomic_fetch_add_explicit(&flag, 1, memory_order_release);
}

static void storer(void *arg)
{
    (void)arg;
    while (atomic_load_explicit(&flag, memory_order_relaxed) != 1)
        rc_yield();
    atomic_store_explicit(&flag, 5, memory_order_release);
}

int main(void)
{
    rc_go(writer, NULL);
    rc_go(storer, NULL);
    while (atomic_load_explicit(&flag, memory_order_relaxed) != 5)
        rc_yield();
    /* reads 5, the last store: synchronises with goroutine 3's store alone (an
     * acquire load that read 1 would have synchronised with goroutine 2's add) */
    (void)atomic_load_explicit(&flag, memory_order_acquire);
    sink = x; // @read
    return 0;
}
