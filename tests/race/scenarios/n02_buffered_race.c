// The counterpart of N2: the same exchange on a buffered channel is not synchronised.
// The goroutine writes reply and then receives; main sends and then reads reply. With
// capacity 1 the send completes without waiting for the receive, so nothing orders the
// goroutine's write before main's read (the Go memory model's own example). The relaxed
// `written` flag (orders nothing) only makes main read after the write, so the report
// always has the same shape.
// Verdict: RACE.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Read at 0x
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:read}}
// STDERR: Previous write at 0x
// STDERR: worker()
// STDERR: {{FILE}}:{{LINE:write}}
// STDERR: Location is global 'reply'
// STDERR: Goroutine 2 (
// STDERR: {{FILE}}:{{LINE:go}}
// STDERR: Found 1 data race(s)
// STDERR-COUNT: 1 WARNING:
// STDERR-COUNT: 1 by main goroutine:
// STDERR-COUNT: 1 by goroutine 2:
// STDOUT: reply=42
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>

static int reply;
static atomic_int written; /* relaxed: orders nothing */
static rc_chan *c;
static rc_waitgroup wg;

static void worker(void *arg)
{
    (void)arg;
    reply = 42; // @write
    atomic_store_explicit(&written, 1, memory_order_relaxed);
    rc_chan_recv(c, NULL);
    rc_waitgroup_done(&wg);
}

int main(void)
{
    c = rc_chan_make(sizeof(int), 1);
    rc_waitgroup_add(&wg, 1);
    rc_go(worker, NULL); // @go
    while (!atomic_load_explicit(&written, memory_order_relaxed))
        rc_yield();
    rc_chan_send(c, &(int){ 0 });
    printf("reply=%d\n", reply); // @read
    rc_waitgroup_wait(&wg);
    return 0;
}
