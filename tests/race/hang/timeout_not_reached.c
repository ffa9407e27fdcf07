// RCRACE timeout=1h and a program that finishes at once: no report, the program's
// own exit status, and it does not wait for the timeout (the watchdog thread does not
// keep the process alive; expect kills a program still running after 60s).
// EXIT: 3
// ENV: RCRACE=timeout=1h
// STDOUT: sum 45
// STDERR-NOT: TIMEOUT
// STDERR-NOT: Found
#include <racecheck.h>
#include <stdio.h>

static rc_chan *done;

static void add(void *arg)
{
    int *p = arg;
    for (int i = 0; i < 10; i++)
        *p += i;
    rc_chan_send(done, NULL);
}

int main(void)
{
    int sum = 0;
    done = rc_chan_make(0, 0);
    rc_go(add, &sum);
    rc_chan_recv(done, NULL);
    printf("sum %d\n", sum);
    return 3;
}
