// try_send on a closed channel panics like the blocking send (Go: a select send case
// on a closed channel panics even with a default).
// EXIT: 2
// STDERR: panic: send on closed channel
// STDERR: goroutine 1 [running]:
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:send}}
// STDOUT: before
// STDOUT-NOT: after
#include <racecheck.h>
#include <stdio.h>

int main(void)
{
    rc_chan *c = rc_chan_make(sizeof(int), 1);
    rc_chan_close(c);
    int v = 1;
    printf("before\n");
    rc_chan_try_send(c, &v); // @send
    printf("after\n");
    return 0;
}
