// Unlock of an RWMutex that is not write-locked is a fatal error, at the user's line.
// EXIT: 2
// STDERR: fatal error: sync: Unlock of unlocked RWMutex
// STDERR: goroutine 1 [running]:
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:unlock}}
#include <racecheck.h>

int main(void)
{
    static rc_rwmutex rw;
    rc_rwmutex_lock(&rw);
    rc_rwmutex_unlock(&rw);
    rc_rwmutex_unlock(&rw); // @unlock
    return 0;
}
