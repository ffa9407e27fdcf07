// RCRACE timeout=1s: a goroutine blocked forever on a channel while main sleeps in a
// loop of long sleeps (never "all goroutines asleep": a timer is always pending).
// After 1s the timeout report lists every goroutine with its wait reason, how long it
// has been blocked, its stack and its creation stack; exit status 2. The program's
// own output before it is not lost.
// ENV: RCRACE=timeout=1s
// EXIT: 2
// STDOUT: waiting for the result
// STDERR: ==================
// STDERR: WARNING: TIMEOUT: program still running after 1s
// STDERR: goroutine 1 [sleep, 
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:sleep}}
// STDERR: goroutine 2 [chan receive, 
// STDERR: waiter()
// STDERR: {{FILE}}:{{LINE:recv}}
// STDERR: created by spawn in goroutine 1
// STDERR: {{FILE}}:{{LINE:go}}
// STDERR: [originating from goroutine 1]:
// STDERR: spawn()
// STDERR: {{FILE}}:{{LINE:go}}
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:spawn}}
// STDERR: ==================
// STDERR-COUNT: 1 WARNING: TIMEOUT
// STDERR-NOT: fatal error
// STDERR-NOT: Found
// STDOUT-NOT: done
#include <racecheck.h>
#include <stdio.h>

static rc_chan *result;

static void waiter(void *arg)
{
    (void)arg;
    int v;
    rc_chan_recv(result, &v); // @recv
}

__attribute__((noinline)) static void spawn(void)
{
    rc_go(waiter, NULL); // @go
}

int main(void)
{
    result = rc_chan_make(sizeof(int), 0);
    spawn(); // @spawn
    printf("waiting for the result\n");
    for (;;)
        rc_sleep(3600 * RC_SECOND); // @sleep
    printf("done\n");
    return 0;
}
