// R11 with one processor: the spinning main goroutine must let the writer run
// (preemption at instrumented code), or the test times out. See r11_busy_wait.c.
// ENV: RCMAXPROCS=1
// TIMEOUT: 20
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
