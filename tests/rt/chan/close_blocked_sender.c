// Closing a channel while a sender is blocked on it: the sender wakes and panics with
// "send on closed channel", reporting its own goroutine and line.
// ENV: RCMAXPROCS=1
// EXIT: 2
// STDERR: panic: send on closed channel
// STDERR: goroutine 2 [running]:
// STDERR: blocked_sender()
// STDERR: {{FILE}}:{{LINE:send}}
// STDERR: created by main in goroutine 1
// STDERR: {{FILE}}:{{LINE:go}}
// STDOUT: closing
// STDOUT-NOT: sent
#include <racecheck.h>
#include <stdio.h>

static rc_chan *c;

static void blocked_sender(void *arg)
{
    int v = 1;
    rc_chan_send(c, &v); // @send
    printf("sent\n");
}

int main(void)
{
    c = rc_chan_make(sizeof(int), 0);
    rc_go(blocked_sender, NULL); // @go
    for (int i = 0; i < 100; i++)
        rc_yield();
    printf("closing\n");
    rc_chan_close(c);
    rc_chan *never = rc_chan_make(0, 0);
    rc_chan_recv(never, NULL); /* the sender's panic ends the program */
    return 0;
}
