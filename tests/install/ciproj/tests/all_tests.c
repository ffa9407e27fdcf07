/*
 * all_tests.c: the test driver of ciproj, the sample user project that
 * tests/install/ci_workflow.sh builds and runs with the commands of docs/CI.md. Its one
 * test passes (the counter ends at 2000 or less, and it checks nothing more), but two
 * goroutines increment the counter without a lock: racecheck reports the race at the
 * tagged line, and the CI job fails.
 */
#include <racecheck.h>
#include <stdio.h>

struct counter {
    long n;
};

static struct counter visits;
static rc_waitgroup wg;

static void visitor(void *arg)
{
    for (int i = 0; i < 1000; i++)
        visits.n++; // @race
    rc_waitgroup_done(&wg);
}

static int test_two_visitors(void)
{
    rc_waitgroup_add(&wg, 2);
    rc_go(visitor, NULL);
    rc_go(visitor, NULL);
    rc_waitgroup_wait(&wg);
    return visits.n > 0 && visits.n <= 2000;
}

int main(void)
{
    int ok = test_two_visitors();
    printf("test_two_visitors: %s\n", ok ? "ok" : "FAIL");
    return ok ? 0 : 1;
}
