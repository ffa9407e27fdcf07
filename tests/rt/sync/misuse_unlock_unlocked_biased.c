// Unlock of an unlocked Mutex that is biased to this thread (sync/bias.c) is the same
// fatal error as for any other mutex, reported at the user's line.
// EXIT: 2
// STDERR: fatal error: sync: unlock of unlocked mutex
// STDERR: goroutine 1 [running]:
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:unlock}}
// STDOUT: biased=1
// STDOUT-NOT: unreachable
#include "../../../rt/sync/sync.h"
#include <racecheck.h>
#include <stdio.h>

static rc_mutex mu;

int main(void)
{
    if (!rc_mutex_bias_supported()) {
        printf("SKIP: mutexes cannot be biased here (needs x86-64, rseq and membarrier)\n");
        return 0;
    }
    for (int i = 0; i < 100; i++) {
        rc_mutex_lock(&mu);
        rc_mutex_unlock(&mu);
    }
    printf("biased=%d\n", (int)(atomic_load(&mu.bias) & 3));
    fflush(stdout);
    rc_mutex_unlock(&mu); // @unlock
    printf("unreachable\n");
    return 0;
}
