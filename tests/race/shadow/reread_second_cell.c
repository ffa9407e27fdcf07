/* reread_beside_read with the cells swapped: our older read in the word's second cell,
 * another goroutine's read in the first, takes the access check's fast path too
 * (rt/race/access.c check_cells) and must refresh the second cell. The reader reads x
 * first (the first cell) and tells main by a relaxed flag, which orders nothing, so
 * main's read takes the second cell; the writer learns the reader's read from the
 * reader and main's first read from main, not main's second read: the write races
 * with it. */
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
rc_chan *go_ahead, *from_reader, *fin;
atomic_int reader_done, second_done; /* relaxed: they order nothing */

static void writer(void *arg)
{
    (void)arg;
    rc_chan_recv(from_reader, NULL);
    rc_chan_recv(go_ahead, NULL);
    while (!atomic_load_explicit(&second_done, memory_order_relaxed))
        rc_yield();
    x = 1; // @write
    rc_chan_send(fin, NULL);
}

static void reader(void *arg)
{
    (void)arg;
    reader_sink += x; /* the word's first cell */
    atomic_store_explicit(&reader_done, 1, memory_order_relaxed);
    rc_chan_send(from_reader, NULL);
}

int main(void)
{
    go_ahead = rc_chan_make(0, 0);
    from_reader = rc_chan_make(0, 1);
    fin = rc_chan_make(0, 0);
    rc_go(writer, NULL); /* both before any read: they learn none by the go statement */
    rc_go(reader, NULL);
    while (!atomic_load_explicit(&reader_done, memory_order_relaxed))
        rc_yield();
    sink += x; /* first read: the second cell (the reader's read is not ordered) */
    rc_chan_send(go_ahead, NULL);
    sink += x; // @second
    atomic_store_explicit(&second_done, 1, memory_order_relaxed);
    rc_chan_recv(fin, NULL);
    return 0;
}
