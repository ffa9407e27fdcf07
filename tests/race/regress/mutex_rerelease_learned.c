/* A Mutex's release by the goroutine that released it last copies only its own entry
 * when its clock has not changed since (rt/race/sync.c release_obj); a clock that
 * learned something in between must be copied whole. Goroutine 2 locks and unlocks
 * mu, then receives what goroutine 3 sent after writing x, then locks and unlocks mu
 * again: goroutine 4, which locks mu after that, is ordered after goroutine 3's write
 * and reads x without a race. (A false report if the second Unlock copies nothing.) */
// EXIT: 0
// STDERR-NOT: WARNING: DATA RACE
#include <racecheck.h>
#include <stdatomic.h>

long x; /* not static: the accesses must stay */
static rc_mutex mu;
static rc_chan *c;
static atomic_int step; /* relaxed: orders nothing */
static volatile long sink;

static void relay(void *arg) /* goroutine 2 */
{
    (void)arg;
    rc_mutex_lock(&mu);
    rc_mutex_unlock(&mu);
    rc_chan_recv(c, NULL);
    rc_mutex_lock(&mu);
    rc_mutex_unlock(&mu);
    atomic_store_explicit(&step, 1, memory_order_relaxed);
}

static void writer(void *arg) /* goroutine 3 */
{
    (void)arg;
    x = 1;
    rc_chan_send(c, &(int){ 1 });
}

static void reader(void *arg) /* goroutine 4 */
{
    (void)arg;
    while (atomic_load_explicit(&step, memory_order_relaxed) != 1)
        rc_yield();
    rc_mutex_lock(&mu);
    sink = x;
    rc_mutex_unlock(&mu);
    atomic_store_explicit(&step, 2, memory_order_relaxed);
}

int main(void)
{
    c = rc_chan_make(sizeof(int), 0);
    rc_go(relay, NULL);
    rc_go(writer, NULL);
    rc_go(reader, NULL);
    while (atomic_load_explicit(&step, memory_order_relaxed) != 2)
        rc_yield();
    return 0;
}
