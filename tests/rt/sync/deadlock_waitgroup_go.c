// wg.Go's goroutines are "created by" the caller of rc_waitgroup_go, at its line.
// EXIT: 2
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR: goroutine 1 [sync.WaitGroup.Wait]:
// STDERR: {{FILE}}:{{LINE:wait}}
// STDERR: goroutine 2 [chan receive (nil chan)]:
// STDERR: stuck()
// STDERR: {{FILE}}:{{LINE:recv}}
// STDERR: created by main in goroutine 1
// STDERR: {{FILE}}:{{LINE:go}}
#include <racecheck.h>

static void stuck(void *arg)
{
    rc_chan_recv(NULL, NULL); // @recv
}

int main(void)
{
    rc_waitgroup wg = { 0 };
    rc_waitgroup_go(&wg, stuck, NULL); // @go
    rc_waitgroup_wait(&wg); // @wait
    return 0;
}
