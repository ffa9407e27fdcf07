// R8: a goroutine sends a pointer to a table over a channel, then keeps modifying the
// table while the receiver reads it. The writes before the send are published; the
// one after it is not. The relaxed `step` (orders nothing) makes main read after it.
// EXIT: 66
// STDERR-COUNT: 1 WARNING: DATA RACE
// STDERR: Read at 0x
// STDERR: {{FILE}}:{{LINE:read}}
// STDERR: Previous write at 0x
// STDERR: owner()
// STDERR: {{FILE}}:{{LINE:modify}}
// STDOUT: t[1]=10 t[2]=99
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

static rc_chan *ch;
static atomic_int step; /* relaxed: orders nothing */

static void owner(void *arg)
{
    (void)arg;
    int *t = malloc(4 * sizeof *t);
    for (int i = 0; i < 4; i++)
        t[i] = 10 * i;
    rc_chan_send(ch, &t);
    t[2] = 99; // @modify
    atomic_store_explicit(&step, 1, memory_order_relaxed);
}

int main(void)
{
    ch = rc_chan_make(sizeof(int *), 0);
    rc_go(owner, NULL);
    int *t;
    rc_chan_recv(ch, &t);
    int a = t[1]; /* written before the send: ordered */
    while (atomic_load_explicit(&step, memory_order_relaxed) < 1)
        rc_yield();
    int b = t[2]; // @read
    printf("t[1]=%d t[2]=%d\n", a, b);
    return 0;
}
