// An RCRACE format other than text or json: a clear message, exit status 2, before
// the program runs.
// ENV: RCRACE=format=xml
// EXIT: 2
// STDERR: racecheck: invalid RCRACE: format=xml (want text or json)
// STDOUT-NOT: ran
#include <stdio.h>

int main(void)
{
    printf("ran\n");
    return 0;
}
