/* A program stays lone only until its second goroutine (rt/race/race.c): once one has
 * run, main's accesses are checked even while it is the only goroutine left. Here the
 * child finishes with nothing ordering it before main's write (a relaxed flag), so
 * the write races with the child's, though main is alone again when it makes it. */
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Write at
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:main}}
// STDERR: Previous write at
// STDERR: child()
// STDERR: {{FILE}}:{{LINE:child}}
// STDERR: Found 1 data race(s)
#include "racecheck.h"

#include <stdatomic.h>

int x;
atomic_int finished;

static void child(void *arg)
{
    (void)arg;
    x = 1; // @child
    atomic_store_explicit(&finished, 1, memory_order_relaxed);
}

int main(void)
{
    rc_go(child, NULL);
    while (!atomic_load_explicit(&finished, memory_order_relaxed))
        rc_yield();
    rc_sleep(10 * RC_MILLISECOND); /* the child has exited */
    x = 2; // @main
    return 0;
}
