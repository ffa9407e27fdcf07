// Unlock of an unlocked Mutex that is biased to this thread (sync/bias.c) is the same
// fatal error as for any other mutex, reported at the user's line.
// EXIT: 2
// STDERR: fatal error: sync: unlock of unlocked mutex
// STDERR: goroutine 1 [running]:
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:unlock}}
// STDOUT: biased=1
// STDOUT-NOT: unreachable
#include "bias_test.h"
#include <racecheck.h>
#include <stdio.h>

static rc_mutex mu;

int main(void)
{
    if (!bias_testable())
        return 0;
    lock_unlock_times(&mu, 100);
    printf("biased=%d\n", is_biased(&mu));
    fflush(stdout);
    rc_mutex_unlock(&mu); // @unlock
    printf("unreachable\n");
    return 0;
}
