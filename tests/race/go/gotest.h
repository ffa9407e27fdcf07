/*
 * gotest.h: helpers shared by the ports of Go's runtime/race/testdata tests.
 *
 * Go's test functions return while their goroutines may still run; the race is then
 * found later in the same process. A C program ends when main returns, so the ports
 * wait for the other goroutines with wait_others(), which polls the goroutine count and
 * creates no happens-before edge (it cannot hide a race).
 */
#ifndef GOTEST_H
#define GOTEST_H

#include <racecheck.h>

/* Returns once at most n goroutines (main included) are left. No synchronisation. */
static inline void wait_goroutines(int n)
{
    while (rc_numgoroutine() > n)
        rc_yield();
}

static inline void wait_others(void) { wait_goroutines(1); }

/* An int sent on a channel whose value does not matter. */
static const int zero;

#endif
