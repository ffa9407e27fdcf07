/*
 * cond.c: sync.Cond, after Go's sync/cond.go and runtime notifyList (sema.go).
 *
 * Tickets make wake-ups FIFO and lossless: Wait takes ticket wait++ while still holding
 * c->l, then unlocks and queues itself under c->lock unless its ticket is already below
 * notify. Signal advances notify by one and wakes the holder of the old value if it is
 * queued; if that waiter has not queued yet it will see notify > ticket and not park.
 * Broadcast sets notify = wait and wakes the whole queue in order.
 *
 * Invariant (c->lock held): every queued waiter's ticket is >= notify (mod 2^32).
 * Lock order: c->l (the user's mutex) is never held while taking c->lock in Wait;
 * c->lock is a leaf.
 */
#include "sync.h"
#include "../sched/control.h"
#include "../core/spin.h"
#include "../diag/panic.h"
#include "../hooks.h"

/* a < b, in wrap-around ticket order */
static bool less(uint32_t a, uint32_t b) { return (int32_t)(a - b) < 0; }

void rc_cond_init(rc_cond *c, rc_mutex *l)
{
    *c = (rc_cond)RC_COND_INIT(l);
}

static void wait_ticket(rc_cond *c, uint32_t t)
{
    rc_spin_lock(&c->lock);
    if (less(t, atomic_load(&c->notify))) {
        rc_spin_unlock(&c->lock);
        return;
    }
    rc_waiter w = { .g = rc_getg(), .ticket = t };
    if (c->tail)
        c->tail->next = &w;
    else
        c->head = &w;
    c->tail = &w;
    rc_park_spin(&c->lock, RC_WAIT_COND_WAIT);
}

void rc_cond_wait(rc_cond *c)
{
    RC_SCHED_POINT();
    if (!c->l)
        rc_panic_msg("runtime error: invalid memory address or nil pointer dereference");
    uint32_t t = atomic_fetch_add(&c->wait, 1);
    rc_mutex_unlock(c->l);
    wait_ticket(c, t);
    RC_HOOK(acquire, rc_getg(), c);
    rc_mutex_lock(c->l);
}

void rc_cond_signal(rc_cond *c)
{
    RC_SCHED_POINT();
    RC_HOOK(release, rc_getg(), c);
    if (atomic_load(&c->wait) == atomic_load(&c->notify))
        return;
    rc_spin_lock(&c->lock);
    uint32_t t = atomic_load(&c->notify);
    if (t == atomic_load(&c->wait)) {
        rc_spin_unlock(&c->lock);
        return;
    }
    atomic_store(&c->notify, t + 1);
    /* the holder of ticket t is near the head, or not queued yet */
    for (rc_waiter *prev = NULL, *w = c->head; w; prev = w, w = w->next) {
        if (w->ticket != t)
            continue;
        if (prev)
            prev->next = w->next;
        else
            c->head = w->next;
        if (c->tail == w)
            c->tail = prev;
        rc_spin_unlock(&c->lock);
        w->next = NULL;
        rc_ready(w->g);
        return;
    }
    rc_spin_unlock(&c->lock);
}

void rc_cond_broadcast(rc_cond *c)
{
    RC_SCHED_POINT();
    RC_HOOK(release, rc_getg(), c);
    if (atomic_load(&c->wait) == atomic_load(&c->notify))
        return;
    rc_spin_lock(&c->lock);
    rc_waiter *w = c->head;
    c->head = c->tail = NULL;
    atomic_store(&c->notify, atomic_load(&c->wait));
    rc_spin_unlock(&c->lock);
    while (w) {
        rc_waiter *next = w->next; /* w is the waiter's: read before waking it */
        rc_ready(w->g);
        w = next;
    }
}
