// M6: Unlock of an unlocked Mutex is a fatal error (Go's throw, not a panic), reported
// at the user's line.
// EXIT: 2
// STDERR: fatal error: sync: unlock of unlocked mutex
// STDERR: goroutine 1 [running]:
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:unlock}}
// STDOUT: locked and unlocked once
// STDOUT-NOT: unreachable
#include <racecheck.h>
#include <stdio.h>

int main(void)
{
    rc_mutex mu = { 0 };
    rc_mutex_lock(&mu);
    rc_mutex_unlock(&mu);
    printf("locked and unlocked once\n");
    rc_mutex_unlock(&mu); // @unlock
    printf("unreachable\n");
    return 0;
}
