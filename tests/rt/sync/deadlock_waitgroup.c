// D6: workers send on an unbuffered channel nobody reads; main waits for them in
// wg.Wait. Every goroutine is blocked: the dump shows why each waits.
// EXIT: 2
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR: goroutine 1 [sync.WaitGroup.Wait]:
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:wait}}
// STDERR: goroutine 2 [chan send]:
// STDERR: worker()
// STDERR: {{FILE}}:{{LINE:send}}
// STDERR: created by main in goroutine 1
// STDERR: {{FILE}}:{{LINE:go}}
// STDERR-COUNT: 3 [chan send]
#include <racecheck.h>

static rc_waitgroup wg;
static rc_chan *results;

static void worker(void *arg)
{
    int v = 1;
    rc_chan_send(results, &v); // @send
    rc_waitgroup_done(&wg);
}

int main(void)
{
    results = rc_chan_make(sizeof(int), 0);
    for (int i = 0; i < 3; i++) {
        rc_waitgroup_add(&wg, 1);
        rc_go(worker, NULL); // @go
    }
    rc_waitgroup_wait(&wg); // @wait
    return 0;
}
