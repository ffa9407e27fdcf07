// A zero-initialised Mutex (static, {0} on the stack, calloc'd) works, contended too.
// ENV: RCMAXPROCS=2
// STDOUT: static=20000 stack=20000 heap=20000
#include <racecheck.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct { rc_mutex *mu; long *n; rc_waitgroup *wg; } job;

static rc_mutex static_mu;

static void bump(void *arg)
{
    job *j = arg;
    for (int i = 0; i < 5000; i++) {
        rc_mutex_lock(j->mu);
        long v = *j->n;
        if (i % 500 == 0)
            rc_yield();
        *j->n = v + 1;
        rc_mutex_unlock(j->mu);
    }
    rc_waitgroup_done(j->wg);
}

static long run(rc_mutex *mu)
{
    long n = 0;
    rc_waitgroup wg = { 0 };
    job j = { mu, &n, &wg };
    rc_waitgroup_add(&wg, 4);
    for (int i = 0; i < 4; i++)
        rc_go(bump, &j);
    rc_waitgroup_wait(&wg);
    return n;
}

int main(void)
{
    rc_mutex stack_mu = { 0 };
    rc_mutex *heap_mu = calloc(1, sizeof *heap_mu);
    long a = run(&static_mu), b = run(&stack_mu), c = run(heap_mu);
    printf("static=%ld stack=%ld heap=%ld\n", a, b, c);
    free(heap_mu);
    return 0;
}
