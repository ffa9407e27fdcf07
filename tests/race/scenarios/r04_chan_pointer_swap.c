// R4: main swaps a shared channel (*chptr = make(chan)) while a consumer goroutine
// reads *chptr in a loop. The relaxed `reads` counter only makes main swap after the
// consumer's first read (it orders nothing), so both reports are deterministic: main's
// write against the earlier read, then the consumer's next read against the write.
// EXIT: 66
// STDERR-COUNT: 2 WARNING: DATA RACE
// STDERR: Write at 0x
// STDERR: {{FILE}}:{{LINE:swap}}
// STDERR: Previous read at 0x
// STDERR: consumer()
// STDERR: {{FILE}}:{{LINE:load}}
// STDERR: WARNING: DATA RACE
// STDERR: Read at 0x
// STDERR: {{FILE}}:{{LINE:load}}
// STDERR: Previous write at 0x
// STDERR: {{FILE}}:{{LINE:swap}}
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
