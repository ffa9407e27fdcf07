// Lock orders that are inconsistent only under a common gate lock: two goroutines take
// A then B and B then A, always while holding G for writing, so they can never hold
// A and B in opposite orders at the same time. Verdict: NO REPORT of any kind (a
// lock-order report here would be false).
// STDOUT: done
// STDERR-NOT: WARNING:
// STDERR-NOT: Found
#include <racecheck.h>
#include <stdio.h>

rc_mutex g, a, b;
int x;

static void ab(void *arg)
{
    rc_waitgroup *wg = arg;
    for (int i = 0; i < 100; i++) {
        rc_mutex_lock(&g);
        rc_mutex_lock(&a);
        rc_mutex_lock(&b);
        x++;
        rc_mutex_unlock(&b);
        rc_mutex_unlock(&a);
        rc_mutex_unlock(&g);
    }
    rc_waitgroup_done(wg);
}

static void ba(void *arg)
{
    rc_waitgroup *wg = arg;
    for (int i = 0; i < 100; i++) {
        rc_mutex_lock(&g);
        rc_mutex_lock(&b);
        rc_mutex_lock(&a);
        x++;
        rc_mutex_unlock(&a);
        rc_mutex_unlock(&b);
        rc_mutex_unlock(&g);
    }
    rc_waitgroup_done(wg);
}

int main(void)
{
    rc_waitgroup wg = { 0 };
    rc_waitgroup_add(&wg, 2);
    rc_go(ab, &wg);
    rc_go(ba, &wg);
    rc_waitgroup_wait(&wg);
    printf("done %d\n", x);
    return 0;
}
