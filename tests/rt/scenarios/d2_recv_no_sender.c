// D2: c := make(chan bool); <-c with no other goroutine. Verdict: DEADLOCK.
// EXIT: 2
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR: goroutine 1 [chan receive]:
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:recv}}
// STDERR-COUNT: 1 [chan receive]
// STDERR-NOT: goroutine 2
#include <racecheck.h>
#include <stdbool.h>

int main(void)
{
    rc_chan *c = rc_chan_make(sizeof(bool), 0);
    bool b;
    rc_chan_recv(c, &b); // @recv
    return 0;
}
