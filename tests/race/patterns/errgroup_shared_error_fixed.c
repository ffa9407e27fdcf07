// errgroup_shared_error.c fixed: the group records its first error under a mutex (and,
// as Go's errgroup does, a second group uses a Once). Every fetch but fetch 0 fails,
// all concurrently; Wait orders every record before the caller's read.
// Verdict: NO REPORT.
// STDOUT: mutex: failed=1 calls=7
// STDOUT: once: failed=1 calls=7
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
// STDERR-NOT: fatal error
#include <racecheck.h>
#include <stdio.h>
#include <string.h>

#define NFETCH 8

typedef struct group {
    rc_waitgroup wg;
    rc_mutex mu;
    rc_once once;
    bool use_once;
    const char *err;        /* the first error: under mu, or set inside once */
    int failures;           /* under mu */
} group;

typedef struct { group *g; const char *err; } once_arg;

static void set_err(void *arg)
{
    once_arg *a = arg;
    a->g->err = a->err;
}

static void group_fail(group *g, const char *err)
{
    if (g->use_once) {
        once_arg a = { g, err };
        rc_once_do(&g->once, set_err, &a);
    }
    rc_mutex_lock(&g->mu);
    if (!g->use_once && g->err == NULL)
        g->err = err;
    g->failures++;
    rc_mutex_unlock(&g->mu);
}

static group *current;

static void fetch(void *arg)
{
    static const char msg[] = "fetch failed";
    group *g = current;
    if (*(int *)arg != 0)
        group_fail(g, msg);
    rc_waitgroup_done(&g->wg);
}

static void run(group *g, const char *name)
{
    current = g;        /* written before every go statement that reads it */
    for (int i = 0; i < NFETCH; i++) {
        rc_waitgroup_add(&g->wg, 1);
        rc_go_copy(fetch, &i, sizeof i);
    }
    rc_waitgroup_wait(&g->wg);
    printf("%s: failed=%d calls=%d\n", name, g->err && !strcmp(g->err, "fetch failed"),
           g->failures);
}

int main(void)
{
    static group a, b = { .use_once = true };
    run(&a, "mutex");
    run(&b, "once");
    return 0;
}
