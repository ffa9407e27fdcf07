/* A plain read whose older record shares its word's primary cells with another
 * goroutine's read takes the access check's fast path (rt/race/access.c check_cells):
 * a read races with no read, so it only refreshes its record, in either cell. The
 * refresh is what keeps a race with a later write: main reads x beside a reader's
 * read, hands the writer its clock (which holds both reads) and reads x again; the
 * writer is ordered after main's first read, not its second, so its write races with
 * the second. Twice: main's record in the first cell (main reads first), then in the
 * second (the reader reads first). The order of the reads is kept by relaxed flags,
 * which order nothing; the reader hands its read to the writer by a channel. */
// ENV: RCMAXPROCS=1
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Write at
// STDERR: writer()
// STDERR: Previous read at
// STDERR: reread_first_cell()
// STDERR: {{FILE}}:{{LINE:first_cell}}
// STDERR: WARNING: DATA RACE
// STDERR: reread_second_cell()
// STDERR: {{FILE}}:{{LINE:second_cell}}
// STDERR: Found 2 data race(s)
#include "racecheck.h"

#include <stdatomic.h>
#include <stdbool.h>

typedef struct {
    long x;
    bool reader_first;
    rc_chan *go_ahead, *from_reader, *fin;
    atomic_int main_read, reader_read, second_done; /* relaxed: they order nothing */
} scene;

scene a = { .reader_first = false }, b = { .reader_first = true };
long sink, reader_sink;

static void wait_for(atomic_int *flag)
{
    while (!atomic_load_explicit(flag, memory_order_relaxed))
        rc_yield();
}

static void writer(void *arg)
{
    scene *s = arg;
    rc_chan_recv(s->from_reader, NULL);
    rc_chan_recv(s->go_ahead, NULL);
    wait_for(&s->second_done);
    s->x = 1;
    rc_chan_send(s->fin, NULL);
}

static void reader(void *arg)
{
    scene *s = arg;
    if (!s->reader_first)
        wait_for(&s->main_read);
    reader_sink += s->x;
    atomic_store_explicit(&s->reader_read, 1, memory_order_relaxed);
    rc_chan_send(s->from_reader, NULL);
}

/* The second reads, one site per scene (a report per pair of sites) */
static __attribute__((noinline)) void reread_first_cell(scene *s)
{
    sink += s->x; // @first_cell
}

static __attribute__((noinline)) void reread_second_cell(scene *s)
{
    sink += s->x; // @second_cell
}

static void run(scene *s)
{
    s->go_ahead = rc_chan_make(0, 0);
    s->from_reader = rc_chan_make(0, 1);
    s->fin = rc_chan_make(0, 0);
    rc_go(writer, s); /* both before any read: they learn none by the go statement */
    rc_go(reader, s);
    if (s->reader_first)
        wait_for(&s->reader_read);
    sink += s->x; /* the first cell, or the second if the reader read first */
    atomic_store_explicit(&s->main_read, 1, memory_order_relaxed);
    wait_for(&s->reader_read);
    rc_chan_send(s->go_ahead, NULL);
    if (!s->reader_first)
        reread_first_cell(s);
    else
        reread_second_cell(s);
    atomic_store_explicit(&s->second_done, 1, memory_order_relaxed);
    rc_chan_recv(s->fin, NULL);
}

int main(void)
{
    run(&a);
    run(&b);
    return 0;
}
