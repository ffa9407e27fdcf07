/* A read may take the cell of another goroutine's read ordered before it only if
 * that read covers some of the same bytes: otherwise the older read is the word's
 * only record of its bytes. Here the reader of byte 0 hands off to a reader of byte
 * 4 (a channel: ordered), and a writer of byte 0 that is ordered after neither (the
 * flag is a relaxed atomic) must still race with the read of byte 0. */
// ENV: RCMAXPROCS=1
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Write at
// STDERR: writer()
// STDERR: {{FILE}}:{{LINE:write}}
// STDERR: Previous read at
// STDERR: reader0()
// STDERR: {{FILE}}:{{LINE:read0}}
// STDERR: Found 1 data race(s)
#include <racecheck.h>
#include <stdatomic.h>

_Alignas(8) char word[8]; /* not static: -O2 would drop accesses to it */
char seen[2];
static atomic_int go_write; /* relaxed: gives no happens-before edge */
static rc_chan *handoff, *done;

static void reader0(void *arg)
{
    (void)arg;
    seen[0] = word[0]; // @read0
    rc_chan_send(handoff, &(int){0});
}

static void reader4(void *arg)
{
    (void)arg;
    int v;
    rc_chan_recv(handoff, &v); /* ordered after reader0's read */
    seen[1] = word[4];
    atomic_store_explicit(&go_write, 1, memory_order_relaxed);
}

static void writer(void *arg)
{
    (void)arg;
    while (!atomic_load_explicit(&go_write, memory_order_relaxed))
        rc_yield();
    word[0] = 1; // @write
    rc_chan_send(done, &(int){0});
}

int main(void)
{
    handoff = rc_chan_make(sizeof(int), 0);
    done = rc_chan_make(sizeof(int), 0);
    rc_go(writer, NULL);
    rc_go(reader0, NULL);
    rc_go(reader4, NULL);
    rc_chan_recv(done, NULL);
    return 0;
}
