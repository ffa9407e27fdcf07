// N10: an RWMutex cache: many readers under RLock, a writer under Lock. Readers never
// conflict with each other; the writer's Lock waits for every RUnlock, and its Unlock
// orders its writes before later RLocks.
// STDOUT: version=200 consistent=1
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
// STDERR-NOT: fatal error
#include <racecheck.h>
#include <stdio.h>

#define NKEYS 16

static rc_rwmutex rw;
static int vals[NKEYS];
static int version;
static int bad;             /* torn snapshots seen by readers (under rw: readers' writes) */
static rc_mutex bad_mu;
static rc_waitgroup wg;

static void reader(void *arg)
{
    (void)arg;
    for (int i = 0; i < 200; i++) {
        rc_rwmutex_rlock(&rw);
        int v = version, torn = 0;
        for (int k = 0; k < NKEYS; k++)
            torn |= vals[k] != v;
        rc_rwmutex_runlock(&rw);
        if (torn) {
            rc_mutex_lock(&bad_mu);
            bad++;
            rc_mutex_unlock(&bad_mu);
        }
        if (i % 16 == 0)
            rc_yield();
    }
    rc_waitgroup_done(&wg);
}

static void writer(void *arg)
{
    (void)arg;
    for (int i = 0; i < 200; i++) {
        rc_rwmutex_lock(&rw);
        version++;
        for (int k = 0; k < NKEYS; k++)
            vals[k] = version;
        rc_rwmutex_unlock(&rw);
        if (i % 8 == 0)
            rc_yield();
    }
    rc_waitgroup_done(&wg);
}

int main(void)
{
    for (int i = 0; i < 8; i++) {
        rc_waitgroup_add(&wg, 1);
        rc_go(reader, NULL);
    }
    rc_waitgroup_add(&wg, 1);
    rc_go(writer, NULL);
    rc_waitgroup_wait(&wg);
    printf("version=%d consistent=%d\n", version, bad == 0);
    return 0;
}
