/* The registry finds a goroutine by goid in a hash whose buckets take goids by their
 * low 16 bits (slot.c), so goroutines 2 and 65538 share a bucket. Goroutine 2 writes
 * x and stays parked; 65535 short goroutines come and go; goroutine 65538 then writes
 * x, unordered with goroutine 2's write. The report must name both, each with its
 * own stack: the bucket's chain is searched by goid, the newer goroutine first. */
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: by goroutine 65538:
// STDERR: second()
// STDERR: {{FILE}}:{{LINE:second}}
// STDERR: by goroutine 2:
// STDERR: first()
// STDERR: {{FILE}}:{{LINE:first}}
// STDERR: Found 1 data race(s)
// STDERR-ANY: Write at 0x
// STDERR-ANY: Previous write at 0x
// TIMEOUT: 120
#include <racecheck.h>
#include <stdatomic.h>

enum { FILLERS = 65535 };

long x; /* not static: the stores must stay */
static rc_chan *park;
static atomic_int wrote; /* relaxed: orders nothing */
static rc_waitgroup wg;

static void first(void *arg)
{
    (void)arg;
    x = 1; // @first
    atomic_store_explicit(&wrote, 1, memory_order_relaxed);
    rc_chan_recv(park, NULL);
}

static void filler(void *arg)
{
    (void)arg;
    rc_waitgroup_done(&wg);
}

static void second(void *arg)
{
    (void)arg;
    x = 2; // @second
    rc_waitgroup_done(&wg);
}

int main(void)
{
    park = rc_chan_make(sizeof(int), 0);
    rc_go(first, NULL); /* goroutine 2 */
    while (!atomic_load_explicit(&wrote, memory_order_relaxed))
        rc_yield();
    rc_waitgroup_add(&wg, FILLERS);
    for (int i = 0; i < FILLERS; i++) /* goroutines 3 .. 65537 */
        rc_go(filler, NULL);
    rc_waitgroup_wait(&wg);
    rc_waitgroup_add(&wg, 1);
    rc_go(second, NULL); /* goroutine 65538 */
    rc_waitgroup_wait(&wg);
    rc_chan_close(park);
    return 0;
}
