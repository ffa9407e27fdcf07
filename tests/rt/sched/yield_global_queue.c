// rc_yield queues the goroutine on its own P's run queue (Go's goyield), and the
// global queue is still served: with one P, a goroutine started by the timer thread
// (AfterFunc: it has no P, so it goes to the global queue) runs while main yields in
// a loop waiting for it, and so do goroutines queued behind main on the local queue.
// ENV: RCMAXPROCS=1
// TIMEOUT: 20
// STDOUT: local goroutine ran
// STDOUT: global goroutine ran
// STDOUT-NOT: FAIL
#include <racecheck.h>
#include <stdio.h>

static _Atomic int local_done, global_done;

static void local_fn(void *arg) { local_done = 1; }
static void global_fn(void *arg) { global_done = 1; }

int main(void)
{
    rc_go(local_fn, NULL);
    while (!local_done)
        rc_yield();
    printf("local goroutine ran\n");
    rc_timer_after_func(RC_MILLISECOND, global_fn, NULL);
    while (!global_done)
        rc_yield();
    printf("global goroutine ran\n");
    return 0;
}
