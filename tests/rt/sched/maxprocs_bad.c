// RCMAXPROCS that is not a number in 1..1024 is a clear error before main, exit 2.
// ENV: RCMAXPROCS=bad
// EXIT: 2
// STDERR: racecheck: invalid RCMAXPROCS: bad
// STDOUT-NOT: main ran
#include <racecheck.h>
#include <stdio.h>

int main(void)
{
    printf("main ran: %d\n", rc_numgoroutine()); /* links the runtime in */
    return 0;
}
