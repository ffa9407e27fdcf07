// R9: go f() { x = 1 }; print(x): goroutine exit is not synchronisation.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: by main goroutine:
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:read}}
// STDERR: by goroutine 2:
// STDERR: setx()
// STDERR: {{FILE}}:{{LINE:write}}
// STDERR: Goroutine 2 (finished) created at:
// STDERR: {{FILE}}:{{LINE:go}}
#include <racecheck.h>
#include <stdio.h>

static int x;

static void setx(void *arg) { x = 1; } // @write

int main(void)
{
    rc_go(setx, NULL); // @go
    while (rc_numgoroutine() > 1)
        rc_yield();
    printf("%d\n", x); // @read
    return 0;
}
