// RCDEBUG=mutexbias takes 0 or 1; anything else is a clear error before main, exit 2.
// ENV: RCDEBUG=mutexbias=2
// EXIT: 2
// STDERR: racecheck: invalid RCDEBUG mutexbias: must be 0 or 1
// STDOUT-NOT: main ran
#include <racecheck.h>
#include <stdio.h>

int main(void)
{
    printf("main ran: %d\n", rc_numgoroutine()); /* links the runtime in */
    return 0;
}
