// R11: busy-wait on a plain done flag while another goroutine writes str, then done.
// The spin must not hang the run (the detector yields periodically in instrumented
// code); see r11_busy_wait_p1.c for one processor. done is volatile only so the C
// compiler re-reads it each iteration (as Go's compiler does not promise either):
// volatile is not synchronisation, so both done and str race.

// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Read at 0x
// STDERR: {{FILE}}:{{LINE:readstr}}
// STDERR: Previous write at 0x
// STDERR: setup()
// STDERR: {{FILE}}:{{LINE:writestr}}
// STDERR-COUNT: 1 {{FILE}}:{{LINE:readstr}}
// STDERR-COUNT: 1 {{FILE}}:{{LINE:writestr}}
// STDOUT: hello, world
#include <racecheck.h>
#include <stdbool.h>
#include <stdio.h>

static const char *str;
static volatile bool done;

static void setup(void *arg)
{
    (void)arg;
    str = "hello, world"; // @writestr
    done = true; // @writedone
}

int main(void)
{
    rc_go(setup, NULL);
    while (!done) { // @spin
    }
    printf("%s\n", str); // @readstr
    return 0;
}
