// Orders that look inverted but cannot deadlock. Verdict: NO REPORT of any kind.
//  - read locks only: RLock A then RLock B, and RLock B then RLock A, with no writer
//    ever (readers never wait for readers);
//  - TryLock: holding B, TryLock(A) cannot block, so it is no edge B -> A;
//  - a mutex used as a semaphore: locked by main, unlocked by a goroutine, locked
//    again by main (legal in Go), also under another lock.
// STDOUT: done
// STDERR-NOT: WARNING:
// STDERR-NOT: Found
#include <racecheck.h>
#include <stdio.h>

rc_rwmutex ra, rb;
rc_mutex a, b, sem, outer;
int x;

static void release(void *arg)
{
    (void)arg;
    rc_mutex_unlock(&sem);
}

int main(void)
{
    rc_rwmutex_rlock(&ra);
    rc_rwmutex_rlock(&rb);
    rc_rwmutex_runlock(&rb);
    rc_rwmutex_runlock(&ra);
    rc_rwmutex_rlock(&rb);
    rc_rwmutex_rlock(&ra);
    rc_rwmutex_runlock(&ra);
    rc_rwmutex_runlock(&rb);

    rc_mutex_lock(&a);
    rc_mutex_lock(&b);
    rc_mutex_unlock(&b);
    rc_mutex_unlock(&a);
    rc_mutex_lock(&b);
    if (rc_mutex_trylock(&a)) {
        x++;
        rc_mutex_unlock(&a);
    }
    rc_mutex_unlock(&b);

    for (int i = 0; i < 3; i++) {
        rc_mutex_lock(&outer);
        rc_mutex_lock(&sem);
        rc_mutex_unlock(&outer);
        rc_go(release, NULL);
        rc_mutex_lock(&sem); /* waits until the goroutine unlocks it */
        rc_mutex_unlock(&sem);
    }
    printf("done %d\n", x);
    return 0;
}
