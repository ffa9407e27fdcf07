// U5: in JSON, a leak found while running is a goroutine-leak report with
// "unreachable":true, written before main goes on.
// ENV: RCRACE=format=json
// EXIT: 66
// STDERR: "kind":"goroutine-leak","pid"
// STDERR-ANY: "wait_reason":"chan send","unreachable":true
// STDERR: main still running
// STDERR-COUNT: 1 "kind":"goroutine-leak"
#include "unreachable.h"
#include <stdio.h>

static void worker(void *c)
{
    int v;
    rc_chan_send(c, &v);
}

__attribute__((noinline)) static void start(void)
{
    rc_go(worker, rc_chan_make(sizeof(int), 0));
}

int main(void)
{
    start();
    scrub();
    for (int i = 0; i < 200; i++)
        rc_sleep(10 * RC_MILLISECOND);
    fprintf(stderr, "main still running\n");
    return 0;
}
