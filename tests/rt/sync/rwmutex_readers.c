// RWMutex: readers hold the lock together (all N are inside at once, and a writer's
// TryLock fails meanwhile); writers exclude readers and each other.
// ENV: RCMAXPROCS=2
// STDOUT: readers inside together=5
// STDOUT: trylock with readers=0
// STDOUT: tryrlock with readers=1
// STDOUT: after readers: trylock=1 tryrlock=0
// STDOUT: value=40000 torn=0
#include <racecheck.h>
#include <stdio.h>

#define READERS 5

static rc_rwmutex rw;
static rc_chan *in, *release;
static rc_waitgroup wg;
static long a, b; /* a writer keeps a == b */
static _Atomic long torn;

static void reader(void *arg)
{
    rc_rwmutex_rlock(&rw);
    rc_chan_send(in, NULL);
    rc_chan_recv(release, NULL); /* hold the read lock until main says so */
    rc_rwmutex_runlock(&rw);
    rc_waitgroup_done(&wg);
}

static void writer(void *arg)
{
    for (int i = 0; i < 10000; i++) {
        rc_rwmutex_lock(&rw);
        a++;
        if (i % 100 == 0)
            rc_yield();
        b++;
        rc_rwmutex_unlock(&rw);
    }
    rc_waitgroup_done(&wg);
}

static void checker(void *arg)
{
    for (int i = 0; i < 10000; i++) {
        rc_rwmutex_rlock(&rw);
        if (a != b)
            atomic_fetch_add(&torn, 1);
        rc_rwmutex_runlock(&rw);
    }
    rc_waitgroup_done(&wg);
}

int main(void)
{
    in = rc_chan_make(0, 0);
    release = rc_chan_make(0, 0);
    rc_waitgroup_add(&wg, READERS);
    for (int i = 0; i < READERS; i++)
        rc_go(reader, NULL);
    int n = 0;
    for (; n < READERS; n++)
        rc_chan_recv(in, NULL);
    printf("readers inside together=%d\n", n);
    printf("trylock with readers=%d\n", rc_rwmutex_trylock(&rw));
    int r = rc_rwmutex_tryrlock(&rw);
    printf("tryrlock with readers=%d\n", r);
    rc_rwmutex_runlock(&rw);
    rc_chan_close(release);
    rc_waitgroup_wait(&wg);
    int w = rc_rwmutex_trylock(&rw);
    int r2 = rc_rwmutex_tryrlock(&rw);
    printf("after readers: trylock=%d tryrlock=%d\n", w, r2);
    rc_rwmutex_unlock(&rw);

    rc_waitgroup_add(&wg, 8);
    for (int i = 0; i < 4; i++) {
        rc_go(writer, NULL);
        rc_go(checker, NULL);
    }
    rc_waitgroup_wait(&wg);
    printf("value=%ld torn=%ld\n", a, atomic_load(&torn));
    return 0;
}
