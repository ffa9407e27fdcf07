/* More goroutines than the detector has slots (256): every goroutine below parks while
 * others start, so slots change hands many times. A race between a writer whose slot
 * was taken while it was parked and a later reader must still be found, with both
 * stacks (the writer's restored through the slot's journal).
 * On one P, where the schedule is fixed: at two Ps the reader may itself come to hold
 * the writer's old slot and have it stolen, which leaves its clock holding a later
 * epoch of that slot, ordering the write before it (race.h "Precision"); that missed
 * the race in about 1 run in 600 with both CPUs loaded. */
// ENV: RCMAXPROCS=1
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Read at
// STDERR: reader()
// STDERR: {{FILE}}:{{LINE:read}}
// STDERR: Previous write at
// STDERR: writer()
// STDERR: {{FILE}}:{{LINE:write}}
// STDERR: Found 1 data race(s)
#include "racecheck.h"

#include <stdatomic.h>

enum { CROWD = 600 };

static int x;
static atomic_int go_read; /* relaxed: gives no happens-before edge */
static rc_chan *park, *started, *done;

static void sleeper(void *arg)
{
    (void)arg;
    int v = 0;
    rc_chan_send(started, &v);
    rc_chan_recv(park, &v); /* parked until main closes park */
}

static void crowd(void)
{
    for (int i = 0; i < CROWD; i++)
        rc_go(sleeper, NULL);
    int v;
    for (int i = 0; i < CROWD; i++)
        rc_chan_recv(started, &v);
}

static void writer(void *arg)
{
    (void)arg;
    x = 1; // @write
    int v = 0;
    rc_chan_send(started, &v);
    rc_chan_recv(park, &v);
}

/* Started first, so it is ordered after nothing the writer does. */
static void reader(void *arg)
{
    (void)arg;
    while (!atomic_load_explicit(&go_read, memory_order_relaxed))
        rc_yield();
    int v = x; // @read
    rc_chan_send(done, &v);
}

int main(void)
{
    park = rc_chan_make(sizeof(int), 0);
    started = rc_chan_make(sizeof(int), 0);
    done = rc_chan_make(sizeof(int), 0);
    rc_go(reader, NULL);
    crowd();
    rc_go(writer, NULL);
    int v;
    rc_chan_recv(started, &v); /* orders the write before main, not the reader */
    crowd();                         /* the writer's slot goes to someone else */
    atomic_store_explicit(&go_read, 1, memory_order_relaxed);
    rc_chan_recv(done, &v);
    rc_chan_close(park);
    return 0;
}
