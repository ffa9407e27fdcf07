// rc_panic in a goroutine: "panic: <msg>", that goroutine's stack with the calling
// line and its creation site, exit 2; nothing after it runs.
// EXIT: 2
// STDERR: panic: something broke: code 42
// STDERR: goroutine 2 [running]:
// STDERR: fail()
// STDERR: {{FILE}}:{{LINE:panic}}
// STDERR: worker()
// STDERR: {{FILE}}:{{LINE:call}}
// STDERR: created by main in goroutine 1
// STDERR: {{FILE}}:{{LINE:go}}
// STDOUT-NOT: after
#include <racecheck.h>
#include <stdio.h>

__attribute__((noinline)) static void fail(int code)
{
    rc_panicf("something broke: code %d", code); // @panic
}

static void worker(void *arg)
{
    fail(42); // @call
    printf("after\n");
}

int main(void)
{
    rc_chan *never = rc_chan_make(0, 0);
    rc_go(worker, NULL); // @go
    rc_chan_recv(never, NULL);
    printf("after\n");
    return 0;
}
