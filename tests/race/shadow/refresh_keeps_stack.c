/* An older cell of ours stands for a new access of the same bytes and kind only
 * while our trace still holds its stack: while it is in the current trace part
 * (rt/race/access.c, race.h quiet_from).
 * reader reads x, makes 200k other events (two sites in turn, no release: the
 * history at history_size=0 holds about 32k), reads x again; main, not ordered
 * after it, then writes x. The report restores the previous read's stack: the cell
 * was refreshed by the second read, whose events the trace still holds. */
// ENV: RCRACE=history_size=0
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Write at 0x
// STDERR: {{FILE}}:{{LINE:write}}
// STDERR: Previous read at 0x
// STDERR: get_x()
// STDERR: {{FILE}}:{{LINE:read}}
// STDERR: reader()
// STDERR: {{FILE}}:{{LINE:again}}
// STDERR-NOT: failed to restore
// STDERR-COUNT: 1 WARNING:
#include <racecheck.h>
#include <stdatomic.h>

long x, a, b;
static atomic_int done; /* relaxed: no happens-before edge */

static __attribute__((noinline)) long get_x(void)
{
    return x; // @read
}

static void reader(void *arg)
{
    (void)arg;
    long v = get_x();
    for (int i = 0; i < 100000; i++) { /* (barriers: one event per access) */
        a = i;
        __asm__ volatile("" ::: "memory");
        b = i;
        __asm__ volatile("" ::: "memory");
    }
    v += get_x(); // @again
    a = v;
    atomic_store_explicit(&done, 1, memory_order_relaxed);
}

int main(void)
{
    rc_go(reader, NULL);
    while (atomic_load_explicit(&done, memory_order_relaxed) != 1)
        rc_yield();
    x = 1; // @write
    return 0;
}
