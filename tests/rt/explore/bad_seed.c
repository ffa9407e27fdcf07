// A malformed RCSCHED is a fatal error naming the variable (as RCMAXPROCS); a leading
// 0 is decimal, not octal ("08" would not parse as octal).
// ENV: RCSCHED=12x
// EXIT: 2
// STDERR: racecheck: invalid RCSCHED: 12x
#include <racecheck.h>
#include <stdio.h>

int main(void)
{
    printf("not reached: %d\n", rc_numgoroutine()); /* (links the runtime in) */
    return 0;
}
