// D2: c := make(chan bool); <-c with no other goroutine. Verdict: DEADLOCK.
// Under the detector (built with the pass, linked with the race runtime) the verdict
// is the same: the fatal error, the dump and exit 2, with no data-race or leak report.
// (The detector's dump adds how long each goroutine has waited: `[chan receive, 0.2
// seconds]`, so the wait reasons are matched as prefixes.)
// EXIT: 2
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR: goroutine 1 [chan receive
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:recv}}
// STDERR-COUNT: 1 [chan receive
// STDERR-NOT: goroutine 2
// STDERR-COUNT: 1 fatal error: all goroutines are asleep - deadlock!
// STDERR-NOT: DATA RACE
// STDERR-NOT: GOROUTINE LEAK
// STDERR-NOT: leaked goroutine
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
#include <racecheck.h>
#include <stdbool.h>

int main(void)
{
    rc_chan *c = rc_chan_make(sizeof(bool), 0);
    bool b;
    rc_chan_recv(c, &b); // @recv
    return 0;
}
