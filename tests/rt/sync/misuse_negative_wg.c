// M4: Done called more times than Add panics with Go's message, in the goroutine that
// made the counter negative, at its line.
// EXIT: 2
// STDERR: panic: sync: negative WaitGroup counter
// STDERR: goroutine 2 [running]:
// STDERR: worker()
// STDERR: {{FILE}}:{{LINE:done2}}
// STDERR: created by main in goroutine 1
// STDERR: {{FILE}}:{{LINE:go}}
#include <racecheck.h>

static rc_waitgroup wg;

static void worker(void *arg)
{
    rc_waitgroup_done(&wg);
    rc_waitgroup_done(&wg); // @done2
}

int main(void)
{
    rc_waitgroup_add(&wg, 1);
    rc_go(worker, NULL); // @go
    rc_waitgroup_wait(&wg);
    rc_chan_recv(rc_chan_make(0, 0), NULL); /* the panic ends the program */
    return 0;
}
