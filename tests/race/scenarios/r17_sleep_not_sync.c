// R17: "sleep is synchronisation": a goroutine writes got, main sleeps 50 ms and reads.
// Timing never hides a race.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Read at
// STDERR: {{FILE}}:{{LINE:read}}
// STDERR: Previous write at
// STDERR: {{FILE}}:{{LINE:write}}
#include <racecheck.h>
#include <stdio.h>

static int got;

static void worker(void *arg) { got = 42; } // @write

int main(void)
{
    rc_go(worker, NULL);
    rc_sleep(50 * RC_MILLISECOND);
    printf("%d\n", got); // @read
    return 0;
}
