// RUnlock of an RWMutex nobody read-locked is a fatal error, at the user's line.
// EXIT: 2
// STDERR: fatal error: sync: RUnlock of unlocked RWMutex
// STDERR: goroutine 1 [running]:
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:runlock}}
#include <racecheck.h>

int main(void)
{
    rc_rwmutex rw = { 0 };
    rc_rwmutex_rlock(&rw);
    rc_rwmutex_runlock(&rw);
    rc_rwmutex_runlock(&rw); // @runlock
    return 0;
}
