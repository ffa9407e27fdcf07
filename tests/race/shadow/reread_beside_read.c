/* A read whose older record shares the word with another goroutine's read takes the
 * access check's fast path (rt/race/access.c check_cells): a read races with no read,
 * so it only refreshes its record. The refresh is what keeps a race with a later
 * write: main reads x, a reader reads x beside it, main then hands the writer its
 * clock (which holds both reads) and reads x again. The writer is ordered after the
 * first read of main's, not the second: its write races with the second. */
// ENV: RCMAXPROCS=1
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Write at
// STDERR: writer()
// STDERR: {{FILE}}:{{LINE:write}}
// STDERR: Previous read at
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:second}}
// STDERR: Found 1 data race(s)
#include "racecheck.h"

#include <stdatomic.h>

long x;
long sink, reader_sink;
rc_chan *go_ahead, *read_done, *fin;
atomic_int first_done, second_done; /* relaxed: they order nothing, only hold the
                                        reader's read and the write back */

static void writer(void *arg)
{
    (void)arg;
    rc_chan_recv(go_ahead, NULL);
    while (!atomic_load_explicit(&second_done, memory_order_relaxed))
        rc_yield();
    x = 1; // @write
    rc_chan_send(fin, NULL);
}

static void reader(void *arg)
{
    (void)arg;
    while (!atomic_load_explicit(&first_done, memory_order_relaxed))
        rc_yield();
    reader_sink += x;
    rc_chan_send(read_done, NULL);
}

int main(void)
{
    go_ahead = rc_chan_make(0, 0);
    read_done = rc_chan_make(0, 0);
    fin = rc_chan_make(0, 0);
    rc_go(writer, NULL); /* both before any read: they learn none by the go statement */
    rc_go(reader, NULL);
    sink += x; /* first read: the word's first cell */
    atomic_store_explicit(&first_done, 1, memory_order_relaxed); /* the reader's read
                                                                    takes the second */
    rc_chan_recv(read_done, NULL);
    rc_chan_send(go_ahead, NULL);
    sink += x; // @second
    atomic_store_explicit(&second_done, 1, memory_order_relaxed);
    rc_chan_recv(fin, NULL);
    return 0;
}
