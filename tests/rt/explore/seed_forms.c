// RCSCHED takes a decimal or 0x-hexadecimal 64-bit seed; a leading 0 is decimal.
// Controlled mode forces one processor whatever RCMAXPROCS says.
// ENV: RCSCHED=0xffffffffffffffff
// ENV: RCMAXPROCS=4
// STDOUT: procs 1
#include <racecheck.h>
#include <stdio.h>

int main(void)
{
    printf("procs %d\n", rc_maxprocs(0));
    return 0;
}
