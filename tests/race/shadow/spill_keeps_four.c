/* A word keeps four accesses: two in its primary cells, two in its spill cells
 * (rt/race/shadow.h). Each x[k] is read by four goroutines, unordered with each
 * other (relaxed atomics only sequence them), so the third and fourth reads spill.
 * main is ordered after every read but the k-th one of x[k] (the other readers send
 * to it), then writes each x[k]: four races, one with each cell position, none
 * lost to an eviction. Goroutine 2 + 4k + j is the j-th reader of x[k]. */
// EXIT: 66
// STDERR-COUNT: 4 WARNING: DATA RACE
// STDERR-ANY: Previous read at
// STDERR-ANY: by goroutine 2:
// STDERR-ANY: by goroutine 7:
// STDERR-ANY: by goroutine 12:
// STDERR-ANY: by goroutine 17:
// STDERR-ANY: {{FILE}}:{{LINE:w0}}
// STDERR-ANY: {{FILE}}:{{LINE:w1}}
// STDERR-ANY: {{FILE}}:{{LINE:w2}}
// STDERR-ANY: {{FILE}}:{{LINE:w3}}
// STDERR-COUNT: 4 {{FILE}}:{{LINE:read}}
// STDERR: Found 4 data race(s)
#include <racecheck.h>
#include <stdatomic.h>

long x[4]; /* not static: globalopt would delete stores to a global nobody reads */
static atomic_int turn; /* relaxed: no happens-before edge */
static rc_chan *done;

static void reader(void *arg)
{
    int me = (int)(intptr_t)arg, k = me / 4, j = me % 4;
    while (atomic_load_explicit(&turn, memory_order_relaxed) != me)
        rc_yield();
    long v = x[k]; // @read
    atomic_store_explicit(&turn, me + 1, memory_order_relaxed);
    if (j != k)
        rc_chan_send(done, &v);
}

int main(void)
{
    done = rc_chan_make(sizeof(long), 12);
    for (int i = 0; i < 16; i++)
        rc_go(reader, (void *)(intptr_t)i);
    long v;
    for (int i = 0; i < 12; i++)
        rc_chan_recv(done, &v);
    while (atomic_load_explicit(&turn, memory_order_relaxed) != 16)
        rc_yield();
    /* (barriers: -O2 would merge the four stores into one, one report) */
    x[0] = 1; // @w0
    __asm__ volatile("" ::: "memory");
    x[1] = 1; // @w1
    __asm__ volatile("" ::: "memory");
    x[2] = 1; // @w2
    __asm__ volatile("" ::: "memory");
    x[3] = 1; // @w3
    return 0;
}
