// An empty RCRACE log_path: a clear message, exit status 2.
// ENV: RCRACE=halt_on_error=1 log_path=
// EXIT: 2
// STDERR: racecheck: invalid RCRACE: log_path= (want stdout, stderr or a file name prefix)
// STDOUT-NOT: ran
#include <stdio.h>

int main(void)
{
    printf("ran\n");
    return 0;
}
