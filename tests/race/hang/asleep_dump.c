// All goroutines asleep under the detector: Go's dump, plus how long each goroutine
// has been blocked (also under a minute, in seconds) and, after "created by", the
// creator's whole stack at the go statement ("[originating from goroutine N]:", Go's
// tracebackancestors form): here two calls below main.
// EXIT: 2
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR: goroutine 1 [chan receive, 
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:main_recv}}
// STDERR: goroutine 2 [chan send, 
// STDERR: worker()
// STDERR: {{FILE}}:{{LINE:send}}
// STDERR: created by start_worker in goroutine 1
// STDERR: {{FILE}}:{{LINE:go}}
// STDERR: [originating from goroutine 1]:
// STDERR: start_worker()
// STDERR: {{FILE}}:{{LINE:go}}
// STDERR: setup()
// STDERR: {{FILE}}:{{LINE:call_start}}
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:call_setup}}
// STDERR-COUNT: 2  seconds]:
// STDERR-COUNT: 1 [originating from goroutine
// STDERR-NOT: WARNING
#include <racecheck.h>

static rc_chan *results, *never;

static void worker(void *arg)
{
    int v = 42;
    rc_chan_send(results, &v); // @send
}

__attribute__((noinline)) static void start_worker(void)
{
    rc_go(worker, NULL); // @go
}

__attribute__((noinline)) static void setup(void)
{
    results = rc_chan_make(sizeof(int), 0);
    never = rc_chan_make(sizeof(int), 0);
    start_worker(); // @call_start
}

int main(void)
{
    setup(); // @call_setup
    int v;
    rc_chan_recv(never, &v); // @main_recv
    return 0;
}
