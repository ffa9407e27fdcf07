// N6: an atomic flag publishes a struct written before the release store. N7: an
// atomic counter incremented by 10 goroutines to 10 000. N13: atomic composition.
// STDOUT: counter=10000 value=7 seen=1
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
// STDERR-NOT: fatal error
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>

static struct { int value; } data;
static atomic_bool ready;
static atomic_int counter;
static rc_waitgroup wg;

static void publisher(void *arg)
{
    data.value = 7;
    atomic_store_explicit(&ready, true, memory_order_release);
}

static void incr(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        int v = atomic_load(&counter); /* N13: load then store is a logic bug, not a race */
        (void)v;
        atomic_fetch_add(&counter, 1);
    }
    rc_waitgroup_done(&wg);
}

int main(void)
{
    rc_go(publisher, NULL);
    while (!atomic_load_explicit(&ready, memory_order_acquire))
        rc_yield();
    int seen = data.value == 7;
    for (int i = 0; i < 10; i++) {
        rc_waitgroup_add(&wg, 1);
        rc_go(incr, NULL);
    }
    rc_waitgroup_wait(&wg);
    printf("counter=%d value=%d seen=%d\n", atomic_load(&counter), data.value, seen);
    return 0;
}
