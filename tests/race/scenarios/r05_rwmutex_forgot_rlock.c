// R5: a reader loop and a writer loop on a map guarded by an RWMutex, but the reader
// forgot RLock: the writer's Lock/Unlock orders nothing with it. The relaxed `step`
// only alternates the two loops (read, write, read), so both reports are known.
// EXIT: 66
// STDERR-COUNT: 2 WARNING: DATA RACE
// STDERR: Write at 0x
// STDERR: map_put()
// STDERR: {{FILE}}:{{LINE:put}}
// STDERR: Previous read at 0x
// STDERR: map_get()
// STDERR: {{FILE}}:{{LINE:get}}
// STDERR: WARNING: DATA RACE
// STDERR: Read at 0x
// STDERR: {{FILE}}:{{LINE:get}}
// STDERR: Previous write at 0x
// STDERR: {{FILE}}:{{LINE:put}}
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>

#define NKEYS 8

static struct {
    rc_rwmutex mu;
    int        val[NKEYS]; /* the "map": key -> value */
} m;
static atomic_int step; /* relaxed: orders nothing */
static rc_waitgroup wg;

/* Sleeps between polls: a fast spin would push the reader's first read out of its
 * trace history (64K events) before the writer runs on a loaded machine, and the
 * report would say "[failed to restore the stack]". */
static void wait_step(int n)
{
    while (atomic_load_explicit(&step, memory_order_relaxed) < n)
        rc_sleep(20 * RC_MICROSECOND);
}

static __attribute__((noinline)) int map_get(int k)
{
    return m.val[k]; // @get
}

static __attribute__((noinline)) void map_put(int k, int v)
{
    rc_rwmutex_lock(&m.mu);
    m.val[k] = v; // @put
    rc_rwmutex_unlock(&m.mu);
}

static void reader(void *arg)
{
    (void)arg;
    int sum = 0;
    for (int i = 0; i < 2; i++) {
        wait_step(2 * i);
        sum += map_get(3); /* forgot rc_rwmutex_rlock */
        atomic_store_explicit(&step, 2 * i + 1, memory_order_relaxed);
    }
    printf("reader sum=%d\n", sum);
    rc_waitgroup_done(&wg);
}

static void writer(void *arg)
{
    (void)arg;
    wait_step(1);
    map_put(3, 42);
    atomic_store_explicit(&step, 2, memory_order_relaxed);
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
