// An unknown RCRACE key: the message lists the known ones, the new ones included.
// ENV: RCRACE=log_file=x
// EXIT: 2
// STDERR: racecheck: invalid RCRACE: unknown option 'log_file' (known: exitcode, halt_on_error, strip_path_prefix, history_size, log_path, format, leaks, deadlocks, timeout)
#include <stdio.h>

int main(void)
{
    printf("ran\n");
    return 0;
}
