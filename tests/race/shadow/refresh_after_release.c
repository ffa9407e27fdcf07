/* A goroutine's repeated access takes a fresh cell once a release has come between
 * (rt/race/access.c: an older cell of ours stands for a new access only while no
 * release has published it). reader reads x under mu, unlocks, reads x again;
 * writer then locks mu (a relaxed flag makes it wait, ordering nothing) and writes x.
 * writer is ordered after the first read but not the second: one race, with the
 * second. Were the second read's cell not stored, the first one's would hide it. */
// EXIT: 66
// STDERR-COUNT: 1 WARNING: DATA RACE
// STDERR: Write at 0x
// STDERR: {{FILE}}:{{LINE:write}}
// STDERR: Previous read at 0x
// STDERR: {{FILE}}:{{LINE:second}}
// STDERR: Found 1 data race(s)
#include <racecheck.h>
#include <stdatomic.h>

long x, sink; /* not static: -O2 would fold a global nobody writes */
static rc_mutex mu;
static atomic_int stage; /* relaxed: no happens-before edge */
static rc_waitgroup wg;

static void reader(void *arg)
{
    (void)arg;
    rc_mutex_lock(&mu);
    long v = x; // @first
    rc_mutex_unlock(&mu);
    v += x; // @second
    sink = v;
    atomic_store_explicit(&stage, 1, memory_order_relaxed);
    rc_waitgroup_done(&wg);
}

static void writer(void *arg)
{
    (void)arg;
    while (atomic_load_explicit(&stage, memory_order_relaxed) != 1)
        rc_yield();
    rc_mutex_lock(&mu);
    x = 1; // @write
    rc_mutex_unlock(&mu);
    rc_waitgroup_done(&wg);
}

int main(void)
{
    rc_waitgroup_add(&wg, 2);
    rc_go(reader, NULL);
    rc_go(writer, NULL);
    rc_waitgroup_wait(&wg);
    return 0;
}
