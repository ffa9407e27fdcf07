/*
 * rwmutex.c: sync.RWMutex, after Go's sync/rwmutex.go.
 *
 * reader_count counts readers holding or waiting for the lock; a writer subtracts
 * MAX_READERS from it, so a negative count means "a writer is pending or holds it" and
 * new readers queue on reader_sem (writer preference). reader_wait counts the readers
 * the pending writer still waits for: the last of them to leave wakes it through
 * writer_sem. Writers exclude each other with the mutex w.
 *
 * Detector edges (hooks.h): the object "rw" carries writers' clocks, "rw.readers"
 * (&rw->writer_sem, as in Go) the merged clocks of readers, which the next writer
 * acquires.
 */
#include "sync.h"
#include "../sched/control.h"
#include "../diag/panic.h"
#include "../hooks.h"

#define MAX_READERS (1 << 30)

static const void *readers(rc_rwmutex *rw) { return &rw->writer_sem; }

static void rlocked(rc_rwmutex *rw, bool try_, uintptr_t pc)
{
    RC_HOOK(acquire, rc_getg(), rw);
    RC_HOOK(mutex_locked, rc_getg(), rw, false, try_, pc);
}

static void locked(rc_rwmutex *rw, bool try_, uintptr_t pc)
{
    RC_HOOK(acquire, rc_getg(), rw);
    RC_HOOK(acquire, rc_getg(), readers(rw));
    RC_HOOK(mutex_locked, rc_getg(), rw, true, try_, pc);
}

void rc_rwmutex_rlock(rc_rwmutex *rw)
{
    RC_SCHED_POINT();
    if (atomic_fetch_add(&rw->reader_count, 1) + 1 < 0) {
        RC_HOOK(mutex_wait, rc_getg(), rw, RC_LOCKWAIT_RW_READER, RC_CALLER_PC());
        rc_sema_acquire(&rw->reader_sem, false, RC_WAIT_RWMUTEX_RLOCK);
    }
    rlocked(rw, false, RC_CALLER_PC());
}

bool rc_rwmutex_tryrlock(rc_rwmutex *rw)
{
    RC_SCHED_POINT();
    int32_t c = atomic_load(&rw->reader_count);
    do {
        if (c < 0)
            return false;
    } while (!atomic_compare_exchange_weak(&rw->reader_count, &c, c + 1));
    rlocked(rw, true, RC_CALLER_PC());
    return true;
}

void rc_rwmutex_runlock(rc_rwmutex *rw)
{
    RC_SCHED_POINT();
    RC_HOOK(mutex_unlocked, rc_getg(), rw, false);
    RC_HOOK(release_merge, rc_getg(), readers(rw));
    int32_t r = atomic_fetch_sub(&rw->reader_count, 1) - 1;
    if (r >= 0)
        return;
    if (r + 1 == 0 || r + 1 == -MAX_READERS)
        rc_fatal("sync: RUnlock of unlocked RWMutex");
    /* a writer is pending: the last departing reader lets it in */
    if (atomic_fetch_sub(&rw->reader_wait, 1) - 1 == 0)
        rc_sema_release(&rw->writer_sem, false);
}

void rc_rwmutex_lock(rc_rwmutex *rw)
{
    RC_SCHED_POINT();
    uintptr_t pc = RC_CALLER_PC();
    rc_mutex_lock_waiting(&rw->w, RC_LOCKWAIT_RW_WRITER, pc);
    /* announce the writer; r = readers still inside. From here the detector knows us
     * as the writer others queue behind, waiting for readers until we own it. */
    RC_HOOK(mutex_wait, rc_getg(), rw, RC_LOCKWAIT_RW_READERS, pc);
    int32_t r = atomic_fetch_add(&rw->reader_count, -MAX_READERS);
    if (r != 0 && atomic_fetch_add(&rw->reader_wait, r) + r != 0)
        rc_sema_acquire(&rw->writer_sem, false, RC_WAIT_RWMUTEX_LOCK);
    locked(rw, false, pc);
}

bool rc_rwmutex_trylock(rc_rwmutex *rw)
{
    RC_SCHED_POINT();
    if (!rc_mutex_trylock_nohook(&rw->w))
        return false;
    int32_t zero = 0;
    if (!atomic_compare_exchange_strong(&rw->reader_count, &zero, -MAX_READERS)) {
        rc_mutex_unlock_nohook(&rw->w);
        return false;
    }
    locked(rw, true, RC_CALLER_PC());
    return true;
}

void rc_rwmutex_unlock(rc_rwmutex *rw)
{
    RC_SCHED_POINT();
    RC_HOOK(mutex_unlocked, rc_getg(), rw, true);
    RC_HOOK(release, rc_getg(), rw);
    /* readers that queued behind us: let them all in */
    int32_t r = atomic_fetch_add(&rw->reader_count, MAX_READERS) + MAX_READERS;
    if (r >= MAX_READERS)
        rc_fatal("sync: Unlock of unlocked RWMutex");
    for (int32_t i = 0; i < r; i++)
        rc_sema_release(&rw->reader_sem, false);
    rc_mutex_unlock_nohook(&rw->w);
}
