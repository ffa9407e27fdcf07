// D3: receive from a nil channel (here in a goroutine, main waiting on it). Verdict:
// DEADLOCK with the wait reason "chan receive (nil chan)".
// Under the detector (built with the pass, linked with the race runtime) the verdict
// is the same: the fatal error, the dump and exit 2, with no data-race or leak report.
// (The detector's dump adds how long each goroutine has waited: `[chan receive, 0.2
// seconds]`, so the wait reasons are matched as prefixes.)
// EXIT: 2
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR: goroutine 1 [chan receive
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:wait}}
// STDERR: goroutine 2 [chan receive (nil chan)
// STDERR: reader()
// STDERR: {{FILE}}:{{LINE:nilrecv}}
// STDERR: created by main in goroutine 1
// STDERR: {{FILE}}:{{LINE:go}}
// STDERR-COUNT: 1 fatal error: all goroutines are asleep - deadlock!
// STDERR-NOT: DATA RACE
// STDERR-NOT: GOROUTINE LEAK
// STDERR-NOT: leaked goroutine
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
#include <racecheck.h>
#include <stdio.h>

static rc_chan *result;

static void reader(void *arg)
{
    rc_chan *c = NULL; /* var c chan int */
    int v;
    rc_chan_recv(c, &v); // @nilrecv
    rc_chan_send(result, &v);
}

int main(void)
{
    result = rc_chan_make(sizeof(int), 0);
    rc_go(reader, NULL); // @go
    int v;
    rc_chan_recv(result, &v); // @wait
    printf("%d\n", v);
    return 0;
}
