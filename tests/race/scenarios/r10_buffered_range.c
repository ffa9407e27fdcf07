// R10: the producer does x++; ch <- 1 in a loop; the consumer does for range ch
// { print(x) } on a buffered channel. The k-th send happens before the k-th receive,
// but the producer's next x++ is ordered with nothing the consumer did. The relaxed
// `nread` (orders nothing) makes each x++ follow the previous read, so the report is
// always the write against the read (one report per unrolled copy of the x++ at -O2).
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Write at 0x
// STDERR: producer()
// STDERR: {{FILE}}:{{LINE:inc}}
// STDERR: Previous read at 0x
// STDERR: {{FILE}}:{{LINE:read}}
// STDOUT: x=1
// STDOUT: x=5
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>

static int x;
static rc_chan *ch;
static atomic_int nread; /* relaxed: orders nothing */

static void producer(void *arg)
{
    (void)arg;
    for (int i = 0; i < 5; i++) {
        while (atomic_load_explicit(&nread, memory_order_relaxed) < i)
            rc_yield();
        x++; // @inc
        rc_chan_send(ch, &(int){ 1 });
    }
    rc_chan_close(ch);
}

int main(void)
{
    ch = rc_chan_make(sizeof(int), 10);
    rc_go(producer, NULL);
    int v;
    while (rc_chan_recv(ch, &v)) {
        printf("x=%d\n", x); // @read
        atomic_fetch_add_explicit(&nread, 1, memory_order_relaxed);
    }
    return 0;
}
