/* A program is lone until its second goroutine: then no plain access of main's can
 * race, so none is checked (rt/race/race.c). An AfterFunc's goroutine is created later
 * by the timer thread and ordered only after the arm, so arming a timer ends the lone
 * phase too: main's write after the arm races with the function's write, and main's
 * write before it does not. Nothing else runs: the arm is the program's first
 * concurrency. */
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Write at
// STDERR: fire()
// STDERR: {{FILE}}:{{LINE:fire}}
// STDERR: Previous write at
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:after}}
// STDERR: Found 1 data race(s)
#include "racecheck.h"

int before, after;
rc_chan *done;

static void fire(void *arg)
{
    (void)arg;
    before = 2;
    after = 2; // @fire
    rc_chan_send(done, NULL);
}

int main(void)
{
    done = rc_chan_make(0, 1);
    before = 1; /* lone: ordered before every goroutine to come */
    rc_timer_after_func(20 * RC_MILLISECOND, fire, NULL);
    after = 1; // @after
    rc_chan_recv(done, NULL);
    return 0;
}
