// Once.Do from 100 goroutines: f runs exactly once, and every Do returns only after
// f has returned, so every caller sees its effect.
// ENV: RCMAXPROCS=2
// STDOUT: calls=1 saw=100
// STDOUT: second once: calls=2
#include <racecheck.h>
#include <stdio.h>

static rc_once once;
static _Atomic int calls;
static int value; /* plain: published by Once */
static _Atomic int saw;
static rc_waitgroup wg;

static void init(void *arg)
{
    atomic_fetch_add(&calls, 1);
    for (int i = 0; i < 20; i++)
        rc_yield(); /* let the others pile up in Do */
    value = *(int *)arg;
}

static void user(void *arg)
{
    int v = 42;
    rc_once_do(&once, init, &v);
    if (value == 42)
        atomic_fetch_add(&saw, 1);
    rc_waitgroup_done(&wg);
}

int main(void)
{
    rc_waitgroup_add(&wg, 100);
    for (int i = 0; i < 100; i++)
        rc_go(user, NULL);
    rc_waitgroup_wait(&wg);
    printf("calls=%d saw=%d\n", atomic_load(&calls), atomic_load(&saw));
    rc_once other = { 0 };
    int v = 7;
    rc_once_do(&other, init, &v);
    rc_once_do(&other, init, &v);
    printf("second once: calls=%d\n", atomic_load(&calls));
    return 0;
}
