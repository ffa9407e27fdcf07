// errgroup-like fan-out: group_go() runs each fetch in a goroutine and the group keeps
// the first error, but sets it without a lock (`if g.err == nil { g.err = err }`).
// Fetches 1 and 2 fail. The relaxed `turn` (orders nothing) only makes fetch 1 record
// its error before fetch 2 checks, so the report always has the same shape: fetch 2's
// read of g.err against fetch 1's write. Wait's read of g.err is ordered by the
// WaitGroup and is not part of the race.
// Verdict: RACE (one report).
// EXIT: 66
// STDOUT: first error: fetch 1 failed
// STDERR: WARNING: DATA RACE
// STDERR: Read at 0x
// STDERR: group_fail()
// STDERR: {{FILE}}:{{LINE:check}}
// STDERR: fetch()
// STDERR: {{FILE}}:{{LINE:call}}
// STDERR: Previous write at 0x
// STDERR: group_fail()
// STDERR: {{FILE}}:{{LINE:set}}
// STDERR: fetch()
// STDERR: {{FILE}}:{{LINE:call}}
// STDERR: Location is global 'g' of size
// STDERR: Goroutine 4 (running) created at:
// STDERR: group_go(
// STDERR: {{FILE}}:{{LINE:go}}
// STDERR: Goroutine 3 (
// STDERR: Found 1 data race(s)
// STDERR-COUNT: 1 WARNING:
// STDERR-COUNT: 1 by goroutine 4:
// STDERR-COUNT: 1 by goroutine 3:
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>

typedef struct group {
    rc_waitgroup wg;
    const char *err;        /* the first error: written without a lock */
} group;

static group g;
static atomic_int turn;     /* relaxed: orders nothing */

static __attribute__((noinline)) void group_fail(group *gr, const char *err)
{
    if (gr->err == NULL) // @check
        gr->err = err;   // @set
}

static void group_go(group *gr, rc_func fn, int id)
{
    rc_waitgroup_add(&gr->wg, 1);
    rc_go_copy(fn, &id, sizeof id); // @go
}

static void fetch(void *arg)
{
    static const char *errs[] = { NULL, "fetch 1 failed", "fetch 2 failed" };
    int id = *(int *)arg;
    while (atomic_load_explicit(&turn, memory_order_relaxed) != id)
        rc_yield();
    if (errs[id])
        group_fail(&g, errs[id]); // @call
    atomic_store_explicit(&turn, id + 1, memory_order_relaxed);
    rc_waitgroup_done(&g.wg);
}

int main(void)
{
    for (int i = 0; i < 3; i++)
        group_go(&g, fetch, i);
    rc_waitgroup_wait(&g.wg);
    printf("first error: %s\n", g.err ? g.err : "none");
    return 0;
}
