/* A slot's next holder is another goroutine: the cells its previous holder left are
 * not the new holder's own, and race with it unless its clock orders them before it.
 * On one P with every slot held by a parked goroutine, a writer takes a stolen slot,
 * writes x and finishes; seven more goroutines finish, which sends the writer's slot
 * back to the free queue first in a batch of eight, and the next goroutine, the
 * second, is given it. Nothing orders the first before the second (the flags are
 * relaxed atomics): the second's write of x races with the first's, though x's cell
 * holds an access of the same slot, bytes and kind (the access check's fast path),
 * and its read of y with the first's write of y (a plain read's shortcut). */
// ENV: RCMAXPROCS=1
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Write at
// STDERR: second()
// STDERR: {{FILE}}:{{LINE:second}}
// STDERR: Previous write at
// STDERR: first()
// STDERR: {{FILE}}:{{LINE:first}}
// STDERR: WARNING: DATA RACE
// STDERR: Read at
// STDERR: second()
// STDERR: {{FILE}}:{{LINE:second_y}}
// STDERR: Previous write at
// STDERR: first()
// STDERR: {{FILE}}:{{LINE:first_y}}
// STDERR: Found 2 data race(s)
#include "racecheck.h"

#include <stdatomic.h>

enum { SLOTS = 256, BATCH = 8 };

long x, y, seen; /* not static: -O2 would drop stores nothing reads */
static atomic_int finished; /* relaxed: gives no happens-before edge */
static rc_chan *park, *started;

static void sleeper(void *arg)
{
    (void)arg;
    int v = 0;
    rc_chan_send(started, &v);
    rc_chan_recv(park, &v); /* parked, holding its slot until it is stolen */
}

static void first(void *arg)
{
    (void)arg;
    x = 1; // @first
    y = 1; // @first_y
    atomic_fetch_add_explicit(&finished, 1, memory_order_relaxed);
}

static void quick(void *arg)
{
    (void)arg;
    atomic_fetch_add_explicit(&finished, 1, memory_order_relaxed);
}

static void second(void *arg)
{
    (void)arg;
    x = 2; // @second
    seen = y; // @second_y
    atomic_fetch_add_explicit(&finished, 1, memory_order_relaxed);
}

static void wait_finished(int n)
{
    while (atomic_load_explicit(&finished, memory_order_relaxed) < n)
        rc_yield();
}

int main(void)
{
    park = rc_chan_make(sizeof(int), 0);
    started = rc_chan_make(sizeof(int), 0);
    int v;
    for (int i = 0; i < SLOTS - 1; i++)
        rc_go(sleeper, NULL);
    for (int i = 0; i < SLOTS - 1; i++)
        rc_chan_recv(started, &v);
    rc_go(first, NULL);
    wait_finished(1);
    for (int i = 0; i < BATCH - 1; i++)
        rc_go(quick, NULL);
    wait_finished(BATCH);
    rc_go(second, NULL);
    wait_finished(BATCH + 1);
    rc_chan_close(park);
    return 0;
}
