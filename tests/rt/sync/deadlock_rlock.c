// RLock behind a pending writer blocks even though only a reader (main) holds the
// lock. Main then waits for that late reader, which waits for the writer, which waits
// for main: the dump shows [sync.RWMutex.Lock] and [sync.RWMutex.RLock].
// EXIT: 2
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR: goroutine 1 [chan receive]:
// STDERR: {{FILE}}:{{LINE:recv}}
// STDERR: goroutine 2 [sync.RWMutex.Lock]:
// STDERR: writer()
// STDERR: {{FILE}}:{{LINE:lock}}
// STDERR: goroutine 3 [sync.RWMutex.RLock]:
// STDERR: late_reader()
// STDERR: {{FILE}}:{{LINE:rlock}}
#include <racecheck.h>

static rc_rwmutex rw;

static void writer(void *arg)
{
    rc_rwmutex_lock(&rw); // @lock
    rc_rwmutex_unlock(&rw);
}

static void late_reader(void *arg)
{
    rc_rwmutex_rlock(&rw); // @rlock
    rc_rwmutex_runlock(&rw);
    rc_chan_send(arg, NULL);
}

int main(void)
{
    rc_rwmutex_rlock(&rw);
    rc_go(writer, NULL);
    while (rc_rwmutex_tryrlock(&rw)) /* until the writer is pending */
        rc_rwmutex_runlock(&rw), rc_yield();
    rc_chan *done = rc_chan_make(0, 0);
    rc_go(late_reader, done);
    rc_chan_recv(done, NULL); // @recv
    rc_rwmutex_runlock(&rw);
    return 0;
}
