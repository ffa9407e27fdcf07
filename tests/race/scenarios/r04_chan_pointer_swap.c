// R4: main swaps a shared channel (*chptr = make(chan)) while a consumer goroutine
// reads *chptr in a loop. The relaxed `reads` counter only makes main swap after the
// consumer's first read (it orders nothing). Main's write races the consumer's reads;
// which of the two is reported first (and whether the consumer reads again before the
// program ends) depends on the interleaving, so the report is checked order-free.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:swap}}
// STDERR-ANY: {{FILE}}:{{LINE:load}}
// STDERR-ANY: consumer()
// STDERR-NOT: failed to restore
// STDOUT: consumer got 7
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>

static rc_chan *ch;
static rc_chan **chptr = &ch;
static atomic_int reads; /* relaxed: orders nothing */
static rc_chan *done;

static void consumer(void *arg)
{
    (void)arg;
    for (;;) {
        rc_chan *c = *chptr; // @load
        atomic_fetch_add_explicit(&reads, 1, memory_order_relaxed);
        int v;
        bool ok;
        if (rc_chan_try_recv(c, &v, &ok)) {
            printf("consumer got %d\n", v);
            break;
        }
        rc_yield();
    }
    rc_chan_send(done, NULL);
}

int main(void)
{
    ch = rc_chan_make(sizeof(int), 0);
    done = rc_chan_make(0, 0);
    rc_chan *old = ch;
    rc_go(consumer, NULL);
    while (atomic_load_explicit(&reads, memory_order_relaxed) < 1)
        rc_yield();
    *chptr = rc_chan_make(sizeof(int), 0); // @swap
    rc_chan_send(*chptr, &(int){ 7 });
    rc_chan_recv(done, NULL);
    rc_chan_release(old);
    rc_chan_release(ch);
    return 0;
}
