// Detector bug repro (false negative): with one processor, a goroutine that is still
// runnable when main returns is never reported, although it would block forever.
// rc_race_leaks() (rt/race/leak.c) gives running/runnable goroutines a grace period by
// usleep()ing on the exiting thread, which keeps its P: with RCMAXPROCS=1 nothing else
// can run, the sender never reaches its send, and after the grace period it is skipped
// as "runnable". With RCMAXPROCS=2 the same program reports the leak (as L1-L3 do).
// Expected: LEAK of 1 goroutine blocked in chan send.
// ENV: RCMAXPROCS=1
// EXIT: 66
// STDERR: WARNING: GOROUTINE LEAK
// STDERR: blocked forever in chan send
// STDERR: sender()
// STDERR: {{FILE}}:{{LINE:send}}
// STDERR: Found 1 leaked goroutine(s)
#include <racecheck.h>

static void sender(void *arg)
{
    rc_chan_send(arg, &(int){ 1 }); // @send
}

int main(void)
{
    rc_chan *c = rc_chan_make(sizeof(int), 0);
    rc_go(sender, c); /* queued on main's P; main returns before it runs */
    return 0;
}
