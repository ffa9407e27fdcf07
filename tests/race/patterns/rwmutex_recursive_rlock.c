// A recursive RLock with a writer queued between: a reader holds the RLock and calls a
// helper that RLocks again (fine alone), but a writer's Lock arrived in between. Go's
// RWMutex (writer preference) makes new readers wait for a pending writer, and the
// writer waits for the first RLock to be released: the reader and the writer wait for
// each other, and main waits for both. The reader waits (relaxed look at reader_count,
// which a pending writer makes negative) until the writer is queued, so this always
// happens.
// Verdict: PARTIAL DEADLOCK reported when the cycle closes (the reader's inner RLock
// waits for the writer, whose Lock waits for the reader's outer RLock), then DEADLOCK
// once main waits too: the reader on sync.RWMutex.RLock at the inner RLock, the writer
// on sync.RWMutex.Lock, main on sync.WaitGroup.Wait.
// EXIT: 2
// STDERR: WARNING: DEADLOCK
// STDERR: Goroutine 2 waits in sync.RWMutex.RLock
// STDERR: lookup()
// STDERR: {{FILE}}:{{LINE:inner}}
// STDERR: reader()
// STDERR: {{FILE}}:{{LINE:call}}
// STDERR: Goroutine 3 waits in sync.RWMutex.Lock
// STDERR: writer()
// STDERR: {{FILE}}:{{LINE:lock}}
// STDERR: Goroutine 2 acquired (for reading)
// STDERR: reader()
// STDERR: {{FILE}}:{{LINE:outer}}
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR: goroutine 1 [sync.WaitGroup.Wait
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:wait}}
// STDERR: goroutine 2 [sync.RWMutex.RLock
// STDERR: lookup()
// STDERR: {{FILE}}:{{LINE:inner}}
// STDERR: reader()
// STDERR: {{FILE}}:{{LINE:call}}
// STDERR: goroutine 3 [sync.RWMutex.Lock
// STDERR: writer()
// STDERR: {{FILE}}:{{LINE:lock}}
// STDERR-COUNT: 1 WARNING:
// STDERR-COUNT: 1 fatal error
// STDERR-NOT: DATA RACE
// STDERR-NOT: GOROUTINE LEAK
// STDOUT-NOT: value
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>

static rc_rwmutex rw;
static int table[4];
static atomic_int reading; /* relaxed: orders nothing */
static rc_waitgroup wg;

static __attribute__((noinline)) int lookup(int k)
{
    rc_rwmutex_rlock(&rw); // @inner
    int v = table[k];
    rc_rwmutex_runlock(&rw);
    return v;
}

static void reader(void *arg)
{
    (void)arg;
    rc_rwmutex_rlock(&rw); // @outer
    atomic_store_explicit(&reading, 1, memory_order_relaxed);
    while (atomic_load_explicit(&rw.reader_count, memory_order_relaxed) >= 0)
        rc_yield();                 /* until the writer is queued */
    int v = table[0] + lookup(1); // @call
    rc_rwmutex_runlock(&rw);
    printf("value %d\n", v);
    rc_waitgroup_done(&wg);
}

static void writer(void *arg)
{
    (void)arg;
    while (!atomic_load_explicit(&reading, memory_order_relaxed))
        rc_yield();
    rc_rwmutex_lock(&rw); // @lock
    table[1]++;
    rc_rwmutex_unlock(&rw);
    rc_waitgroup_done(&wg);
}

int main(void)
{
    rc_waitgroup_add(&wg, 2);
    rc_go(reader, NULL);
    rc_go(writer, NULL);
    rc_waitgroup_wait(&wg); // @wait
    return 0;
}
