// R13: a "gate" with a plain closed bool set by Close and read by IsClosed from
// another goroutine. The relaxed `polls` (orders nothing) makes main close the gate
// after the first IsClosed. Close races with IsClosed's reads; the order and number
// of reports depend on the interleaving, so the report is checked order-free.
// The first report's previous access is the watcher's read while the watcher keeps
// running and filling its trace: it is restored as soon as the race is seen, before
// the report waits for the output lock (it once came out "[failed to restore the
// stack]" under full-suite load, when the restore came after that wait).
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: gate_close()
// STDERR-ANY: {{FILE}}:{{LINE:close}}
// STDERR-ANY: gate_is_closed()
// STDERR-ANY: {{FILE}}:{{LINE:isclosed}}
// STDERR-NOT: failed to restore
// STDOUT: watcher saw the gate closed
#include <racecheck.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>

typedef struct gate {
    bool closed;
} gate;

static gate g;
static atomic_int polls; /* relaxed: orders nothing */
static rc_chan *done;

static __attribute__((noinline)) void gate_close(gate *gt)
{
    gt->closed = true; // @close
}

static __attribute__((noinline)) bool gate_is_closed(gate *gt)
{
    return gt->closed; // @isclosed
}

static void watcher(void *arg)
{
    (void)arg;
    while (!gate_is_closed(&g)) {
        atomic_fetch_add_explicit(&polls, 1, memory_order_relaxed);
        rc_yield();
    }
    printf("watcher saw the gate closed\n");
    rc_chan_send(done, NULL);
}

int main(void)
{
    done = rc_chan_make(0, 0);
    rc_go(watcher, NULL);
    while (atomic_load_explicit(&polls, memory_order_relaxed) < 1)
        rc_yield();
    gate_close(&g);
    rc_chan_recv(done, NULL);
    return 0;
}
