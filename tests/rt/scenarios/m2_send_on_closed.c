// M2: a producer sends after the consumer side has closed the channel. Verdict: PANIC
// "send on closed channel" in the producer, with its stack.
// EXIT: 2
// STDERR: panic: send on closed channel
// STDERR: goroutine 2 [running]:
// STDERR: producer()
// STDERR: {{FILE}}:{{LINE:send}}
// STDERR: created by main in goroutine 1
// STDERR: {{FILE}}:{{LINE:go}}
// STDOUT: got 0
// STDOUT-NOT: sent after close
#include <racecheck.h>
#include <stdio.h>

static rc_chan *ch, *closed;

static void producer(void *arg)
{
    int v = 0;
    rc_chan_send(ch, &v);
    rc_chan_recv(closed, NULL); /* main has closed ch by now */
    v = 1;
    rc_chan_send(ch, &v); // @send
    printf("sent after close\n");
}

int main(void)
{
    ch = rc_chan_make(sizeof(int), 0);
    closed = rc_chan_make(0, 0);
    rc_go(producer, NULL); // @go
    int v;
    rc_chan_recv(ch, &v);
    printf("got %d\n", v);
    rc_chan_close(ch);
    rc_chan_close(closed);
    rc_chan_recv(NULL, NULL); /* wait for the panic */
    return 0;
}
