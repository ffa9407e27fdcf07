// Writer preference: once a writer waits for the readers to leave, new readers queue
// behind it, even though only readers hold the lock. They get in after the writer.
// ENV: RCMAXPROCS=2
// STDOUT: writer pending
// STDOUT: late reader blocked=1
// STDOUT: writer in
// STDOUT: late reader in
#include <racecheck.h>
#include <stdio.h>

static rc_rwmutex rw;
static _Atomic int late_in;
static rc_waitgroup wg;

static void writer(void *arg)
{
    rc_rwmutex_lock(&rw);
    printf("writer in\n");
    rc_rwmutex_unlock(&rw);
    rc_waitgroup_done(&wg);
}

static void late_reader(void *arg)
{
    rc_chan_send(arg, NULL);
    rc_rwmutex_rlock(&rw);
    atomic_store(&late_in, 1);
    printf("late reader in\n");
    rc_rwmutex_runlock(&rw);
    rc_waitgroup_done(&wg);
}

int main(void)
{
    rc_rwmutex_rlock(&rw); /* main is the early reader */
    rc_waitgroup_add(&wg, 2);
    rc_go(writer, NULL);
    /* a pending writer makes TryRLock fail */
    while (rc_rwmutex_tryrlock(&rw))
        rc_rwmutex_runlock(&rw), rc_yield();
    printf("writer pending\n");
    rc_chan *started = rc_chan_make(0, 0);
    rc_go(late_reader, started);
    rc_chan_recv(started, NULL);
    rc_sleep(20 * RC_MILLISECOND); /* ample time to get in, were it allowed */
    printf("late reader blocked=%d\n", !atomic_load(&late_in));
    rc_rwmutex_runlock(&rw);
    rc_waitgroup_wait(&wg);
    return 0;
}
