// An unknown RCDEBUG key is a clear error before main, exit 2.
// ENV: RCDEBUG=stacksise=65536
// EXIT: 2
// STDERR: racecheck: invalid RCDEBUG: unknown key (known: seed, stacksize, mutexbias, chanbias)
// STDOUT-NOT: main ran
#include <racecheck.h>
#include <stdio.h>

int main(void)
{
    printf("main ran: %d\n", rc_numgoroutine()); /* links the runtime in */
    return 0;
}
