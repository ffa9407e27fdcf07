// D3: select {} with no cases, and a nil-channel send in a goroutine. Verdict:
// DEADLOCK with the wait reasons "select (no cases)" and "chan send (nil chan)".
// Under the detector (built with the pass, linked with the race runtime) the verdict
// is the same: the fatal error, the dump and exit 2, with no data-race or leak report.
// (The detector's dump adds how long each goroutine has waited: `[chan receive, 0.2
// seconds]`, so the wait reasons are matched as prefixes.)
// EXIT: 2
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR: goroutine 1 [select (no cases)
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:select}}
// STDERR: goroutine 2 [chan send (nil chan)
// STDERR: sender()
// STDERR: {{FILE}}:{{LINE:nilsend}}
// STDERR-COUNT: 1 fatal error: all goroutines are asleep - deadlock!
// STDERR-NOT: DATA RACE
// STDERR-NOT: GOROUTINE LEAK
// STDERR-NOT: leaked goroutine
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
#include <racecheck.h>

static void sender(void *arg)
{
    int v = 1;
    rc_chan_send(NULL, &v); // @nilsend
}

int main(void)
{
    rc_go(sender, NULL);
    rc_select(NULL, 0); // @select
    return 0;
}
