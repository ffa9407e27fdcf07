/*
 * sema.c: the counting semaphore with a FIFO wait queue that every sync type parks on,
 * after Go's runtime/sema.go (one queue per semaphore instead of Go's address-keyed
 * treap).
 *
 * Invariants (s->lock held): nwait == number of queued waiters, except that an
 * acquirer counts itself in nwait before its last look at count, and a releaser
 * uncounts the waiter it dequeues. So a releaser that adds to count and then sees
 * nwait == 0 may leave: any acquirer not yet counted will see the new count.
 * count and nwait are updated seq_cst: each side writes one and reads the other.
 *
 * Lock order: s->lock is a leaf (rc_ready and rc_yield are called after dropping it).
 */
#include "sync.h"
#include "../core/spin.h"

static bool can_acquire(rc_sema *s)
{
    uint32_t v = atomic_load(&s->count);
    while (v > 0) {
        if (atomic_compare_exchange_weak(&s->count, &v, v - 1))
            return true;
    }
    return false;
}

static void enqueue(rc_sema *s, rc_waiter *w, bool lifo)
{
    w->next = NULL;
    if (!s->head) {
        s->head = s->tail = w;
    } else if (lifo) {
        w->next = s->head;
        s->head = w;
    } else {
        s->tail->next = w;
        s->tail = w;
    }
}

static rc_waiter *dequeue(rc_sema *s)
{
    rc_waiter *w = s->head;
    if (w) {
        s->head = w->next;
        if (!s->head)
            s->tail = NULL;
        w->next = NULL;
    }
    return w;
}

void rc_sema_acquire(rc_sema *s, bool lifo, rc_wait_reason reason)
{
    if (can_acquire(s))
        return;
    rc_waiter w = { .g = rc_getg() };
    for (;;) {
        rc_spin_lock(&s->lock);
        atomic_fetch_add(&s->nwait, 1);
        if (can_acquire(s)) {
            atomic_fetch_sub(&s->nwait, 1);
            rc_spin_unlock(&s->lock);
            return;
        }
        w.ticket = 0;
        enqueue(s, &w, lifo);
        rc_park_spin(&s->lock, reason);
        /* woken: either handed the unit, or told to compete for it again */
        if (w.ticket || can_acquire(s))
            return;
    }
}

void rc_sema_release(rc_sema *s, bool handoff)
{
    atomic_fetch_add(&s->count, 1);
    if (atomic_load(&s->nwait) == 0)
        return;
    rc_spin_lock(&s->lock);
    if (atomic_load(&s->nwait) == 0) {
        rc_spin_unlock(&s->lock);
        return;
    }
    rc_waiter *w = dequeue(s);
    atomic_fetch_sub(&s->nwait, 1);
    rc_spin_unlock(&s->lock);

    bool direct = handoff && can_acquire(s);
    if (direct)
        w->ticket = 1;
    rc_ready(w->g);
    if (direct)
        rc_yield(); /* the waiter sits in our runnext: let it run now */
}
