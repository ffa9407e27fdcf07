// RCRACE timeout=1s with a goroutine spinning in a loop without calls while main is
// blocked: the watchdog is a thread of its own, so the timeout fires all the same, and
// the spinning goroutine's stack is taken on its own thread (a signal): where it spins.
// (It is [running], or [runnable] if caught in one of its preemption polls' yields.)
// EXIT: 2
// ENV: RCRACE=timeout=1s
// STDERR: WARNING: TIMEOUT: program still running after 1s
// STDERR: goroutine 1 [chan receive, 
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:recv}}
// STDERR: goroutine 2 [r
// STDERR: spinner()
// STDERR: {{FILE}}:{{LINE:spin}}
// STDERR: created by main in goroutine 1
// STDERR: {{FILE}}:{{LINE:go}}
// STDERR-NOT: stack unavailable
// STDERR-NOT: fatal error
#include <racecheck.h>
#include <stdatomic.h>

atomic_int stop; /* not static: the compiler cannot prove the loop endless */
long spins;

static void spinner(void *arg)
{
    (void)arg;
    while (!atomic_load_explicit(&stop, memory_order_relaxed)) spins++; // @spin
}

int main(void)
{
    rc_chan *never = rc_chan_make(0, 0);
    rc_go(spinner, NULL); // @go
    rc_chan_recv(never, NULL); // @recv
    return 0;
}
