// L9: with one processor, a goroutine that is still runnable when main returns gets
// the grace period too (the exiting goroutine hands its processor over while it
// waits), reaches its send and blocks forever there: reported like L1.
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
