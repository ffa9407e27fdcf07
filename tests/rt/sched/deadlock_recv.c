// D2: receive on a channel nobody will ever send on, no other goroutine.
// EXIT: 2
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR: goroutine 1 [chan receive]:
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:recv}}
#include <racecheck.h>

int main(void)
{
    rc_chan *c = rc_chan_make(sizeof(int), 0);
    int v;
    rc_chan_recv(c, &v); // @recv
    return 0;
}
