// D1: a generator goroutine sends 3 values and returns without close(out); main ranges
// over out. Verdict: DEADLOCK after printing the 3 values (stdout is flushed at exit).
// Under the detector (built with the pass, linked with the race runtime) the verdict
// is the same: the fatal error, the dump and exit 2, with no data-race or leak report.
// (The detector's dump adds how long each goroutine has waited: `[chan receive, 0.2
// seconds]`, so the wait reasons are matched as prefixes.)
// EXIT: 2
// STDOUT: 1
// STDOUT: 2
// STDOUT: 3
// STDOUT-NOT: range ended
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR: goroutine 1 [chan receive
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:range}}
// STDERR-NOT: goroutine 2 [
// STDERR-COUNT: 1 fatal error: all goroutines are asleep - deadlock!
// STDERR-NOT: DATA RACE
// STDERR-NOT: GOROUTINE LEAK
// STDERR-NOT: leaked goroutine
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
#include <racecheck.h>
#include <stdio.h>

static void generator(void *arg)
{
    rc_chan *out = arg;
    for (int i = 1; i <= 3; i++)
        rc_chan_send(out, &i);
    /* forgot: rc_chan_close(out); */
}

int main(void)
{
    rc_chan *out = rc_chan_make(sizeof(int), 0);
    rc_go(generator, out);
    int v;
    while (rc_chan_recv(out, &v)) // @range
        printf("%d\n", v);
    printf("range ended\n");
    return 0;
}
