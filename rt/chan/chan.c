/*
 * chan.c: channels (make, send, receive, close, len, cap, lifetime), after Go's
 * chan.go. Detector hooks follow Go's race annotations (see hooks.h).
 */
#include "chan.h"
#include "../sched/control.h"
#include "../diag/panic.h"
#include "../hooks.h"
#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

/* ---- wait queues ---------------------------------------------------------------- */

void rc_waitq_push(rc_waitq *q, rc_sudog *s)
{
    s->next = NULL;
    s->prev = q->last;
    if (q->last)
        q->last->next = s;
    else
        q->first = s;
    q->last = s;
}

void rc_waitq_remove(rc_waitq *q, rc_sudog *s)
{
    if (s->prev)
        s->prev->next = s->next;
    else if (q->first == s)
        q->first = s->next;
    else
        return; /* not queued */
    if (s->next)
        s->next->prev = s->prev;
    else
        q->last = s->prev;
    s->next = s->prev = NULL;
}

rc_sudog *rc_waitq_take(rc_waitq *q)
{
    for (;;) {
        rc_sudog *s = q->first;
        if (!s)
            return NULL;
        rc_waitq_remove(q, s);
        if (s->is_select) {
            uint32_t zero = 0;
            if (!atomic_compare_exchange_strong(&s->g->select_done, &zero, 1))
                continue; /* its select already completed another case */
        } else {
            s->c->waitrefs--; /* its goroutine will not touch c again */
        }
        return s;
    }
}

/* ---- detector edges --------------------------------------------------------------- */

static void *slot(rc_chan *c, size_t i) { return c->buf + i * c->elemsize; }

/* Buffered: the k-th receive and the (k+cap)-th send meet at slot k % cap. */
static void sync_slot(rc_chan *c, size_t i, rc_g *other)
{
    if (__builtin_expect(!rc_detector_on(), 1))
        return;
    bool sized = c->elemsize != 0; /* zero-size elements share one slot, as in Go */
    RC_HOOK(chan_sync, rc_getg(), other, &c->race, sized ? c->cap : 1, sized ? i : 0);
}

/* Unbuffered hand-off: both sides happen before the other's completion. */
static void sync_direct(rc_chan *c, rc_g *other)
{
    if (__builtin_expect(!rc_detector_on(), 1))
        return;
    RC_HOOK(chan_sync, rc_getg(), other, &c->race, 0, 0);
}

/* ---- operation bodies (c->lock held on entry, released inside) ----------------- */

static void copy_elem(rc_chan *c, void *dst, const void *src)
{
    if (dst && c->elemsize)
        rc_mem_copy(dst, src, c->elemsize);
}

void chan_send_to_waiter(rc_chan *c, rc_sudog *sg, const void *elem)
{
    /* a receiver waits, so the buffer is empty: the value goes straight to it */
    if (c->cap) {
        sync_slot(c, c->recvx, sg->g);
        if (++c->recvx == c->cap)
            c->recvx = 0;
        c->sendx = c->recvx;
    } else {
        sync_direct(c, sg->g);
    }
    copy_elem(c, sg->elem, elem);
    sg->success = true;
    sg->g->param = sg;
    chan_unlock(c);
    rc_ready(sg->g);
}

void chan_recv_from_waiter(rc_chan *c, rc_sudog *sg, void *elem)
{
    if (c->cap == 0) {
        sync_direct(c, sg->g);
        copy_elem(c, elem, sg->elem);
    } else {
        /* full buffer: take its head, and the waiting sender's value becomes the tail */
        void *s = slot(c, c->recvx);
        sync_slot(c, c->recvx, sg->g);
        copy_elem(c, elem, s);
        copy_elem(c, s, sg->elem);
        if (++c->recvx == c->cap)
            c->recvx = 0;
        c->sendx = c->recvx;
    }
    sg->success = true;
    sg->g->param = sg;
    chan_unlock(c);
    rc_ready(sg->g);
}

void chan_send_buffered(rc_chan *c, const void *elem)
{
    sync_slot(c, c->sendx, NULL);
    rc_mem_copy(slot(c, c->sendx), elem, c->elemsize);
    if (++c->sendx == c->cap)
        c->sendx = 0;
    c->qcount++;
    chan_unlock(c);
}

void chan_recv_buffered(rc_chan *c, void *elem)
{
    void *s = slot(c, c->recvx);
    sync_slot(c, c->recvx, NULL);
    copy_elem(c, elem, s);
    rc_mem_zero(s, c->elemsize);
    if (++c->recvx == c->cap)
        c->recvx = 0;
    c->qcount--;
    chan_unlock(c);
}

void chan_recv_closed(rc_chan *c, void *elem)
{
    chan_unlock(c);
    RC_HOOK(acquire, rc_getg(), c);
    if (elem)
        rc_mem_zero(elem, c->elemsize);
}

void chan_panic_send_closed(void)
{
    rc_panic_msg("send on closed channel");
}

/* ---- lifetime ------------------------------------------------------------------- */

rc_chan *rc_chan_make(size_t elem_size, size_t cap)
{
    if (elem_size && cap > (SIZE_MAX - sizeof(rc_chan)) / elem_size)
        rc_panic_msg("makechan: size out of range");
    rc_chan *c = calloc(1, sizeof *c + elem_size * cap);
    if (!c)
        rc_panic_msg("makechan: out of memory");
    c->elemsize = elem_size;
    c->cap = cap;
    c->buf = (char *)(c + 1);
    atomic_store(&c->refs, 1);
    atomic_store(&c->bias, rc_chan_bias_init_());
    return c;
}

rc_chan *rc_chan_retain(rc_chan *c)
{
    if (c)
        atomic_fetch_add_explicit(&c->refs, 1, memory_order_relaxed);
    return c;
}

void rc_chan_release(rc_chan *c)
{
    if (!c || atomic_fetch_sub_explicit(&c->refs, 1, memory_order_acq_rel) != 1)
        return;
    chan_lock(c);
    bool waited_on = c->waitrefs > 0; /* a select still to unqueue, or a leaked waiter */
    c->orphaned = waited_on;
    chan_unlock(c);
    if (!waited_on)
        chan_free(c);
}

void chan_free(rc_chan *c)
{
    if (c->race)
        RC_HOOK(chan_free, c->race);
    free(c);
}

/* ---- operations ------------------------------------------------------------------ */

static void unlock_cb(void *c) { chan_unlock(c); }

__attribute__((noreturn)) static void block_forever(rc_wait_reason r)
{
    rc_park(NULL, NULL, r);
    rc_fatal("unreachable: woke from a wait that never ends");
}

/* check_elem: the detector checks the caller's read of *elem (false: the pass's
 * private entry points below). */
static bool chan_send(rc_chan *c, const void *elem, bool block, uintptr_t pc, bool check_elem)
{
    if (!c) {
        if (!block)
            return false;
        block_forever(RC_WAIT_CHAN_SEND_NIL);
    }
    rc_g *g;
    if (__builtin_expect(rc_detector_on(), 0) && (g = rc_curg())) {
        /* (not on the timer thread, which has no goroutine) */
        RC_HOOK(access, g, &c->closed, 1, false, pc); /* the channel itself */
        if (check_elem && elem && c->elemsize)
            RC_HOOK(access, g, elem, c->elemsize, false, pc);
    }
    chan_lock(c);
    if (c->closed) {
        chan_unlock(c);
        chan_panic_send_closed();
    }
    rc_sudog *sg = rc_waitq_take(&c->recvq);
    if (sg) {
        chan_send_to_waiter(c, sg, elem);
        return true;
    }
    if (c->qcount < c->cap) {
        chan_send_buffered(c, elem);
        return true;
    }
    if (!block) {
        chan_unlock(c);
        return false;
    }
    rc_sudog me = { .g = rc_getg(), .elem = (void *)elem, .c = c };
    rc_waitq_push(&c->sendq, &me);
    c->waitrefs++;
    rc_park(unlock_cb, c, RC_WAIT_CHAN_SEND);
    if (!me.success)
        chan_panic_send_closed(); /* closed while we waited */
    return true;
}

static bool chan_recv_locked_part(rc_chan *c, void *elem, bool block, bool *ok);

/* Returns whether a receive happened; *ok whether it carried a value. check_elem: the
 * detector checks the caller's write of *elem. */
static bool chan_recv(rc_chan *c, void *elem, bool block, bool *ok, uintptr_t pc, bool check_elem)
{
    /* Read before the receive: a woken receiver may drop the last reference. */
    size_t elemsize = c ? c->elemsize : 0;
    bool done = chan_recv_locked_part(c, elem, block, ok);
    if (done && check_elem && elem && elemsize && __builtin_expect(rc_detector_on(), 0))
        RC_HOOK(access, rc_getg(), elem, elemsize, true, pc);
    return done;
}

static bool chan_recv_locked_part(rc_chan *c, void *elem, bool block, bool *ok)
{
    if (!c) {
        if (!block)
            return false;
        block_forever(RC_WAIT_CHAN_RECV_NIL);
    }
    chan_lock(c);
    if (c->closed && c->qcount == 0) {
        chan_recv_closed(c, elem);
        *ok = false;
        return true;
    }
    rc_sudog *sg = rc_waitq_take(&c->sendq);
    if (sg) {
        chan_recv_from_waiter(c, sg, elem);
        *ok = true;
        return true;
    }
    if (c->qcount > 0) {
        chan_recv_buffered(c, elem);
        *ok = true;
        return true;
    }
    if (!block) {
        chan_unlock(c);
        return false;
    }
    rc_sudog me = { .g = rc_getg(), .elem = elem, .c = c };
    rc_waitq_push(&c->recvq, &me);
    c->waitrefs++;
    /* The detector's acquire below touches c after the wake: hold a reference. */
    bool hold = rc_detector_on() && rc_chan_retain(c);
    rc_park(unlock_cb, c, RC_WAIT_CHAN_RECV);
    if (!me.success)
        RC_HOOK(acquire, me.g, c); /* woken by close: close happens before */
    if (hold)
        rc_chan_release(c);
    *ok = me.success;
    return true;
}

void rc_chan_send(rc_chan *c, const void *elem)
{
    RC_SCHED_POINT();
    chan_send(c, elem, true, RC_CALLER_PC(), true);
}

bool rc_chan_try_send(rc_chan *c, const void *elem)
{
    RC_SCHED_POINT();
    return chan_send(c, elem, false, RC_CALLER_PC(), true);
}

bool rc_chan_recv(rc_chan *c, void *elem)
{
    RC_SCHED_POINT();
    bool ok;
    chan_recv(c, elem, true, &ok, RC_CALLER_PC(), true);
    return ok;
}

bool rc_chan_try_recv(rc_chan *c, void *elem, bool *ok)
{
    RC_SCHED_POINT();
    bool dummy;
    return chan_recv(c, elem, false, ok ? ok : &dummy, RC_CALLER_PC(), true);
}

/* The pass's entry points for a value in a local variable of the caller whose address
 * nothing else holds (docs/ABI.md, "Private values"): no other goroutine can touch it
 * but through this very operation, so its access cannot race and is not checked. */
void __rc_chan_send_private(rc_chan *c, const void *elem)
{
    RC_SCHED_POINT();
    chan_send(c, elem, true, RC_CALLER_PC(), false);
}

bool __rc_chan_try_send_private(rc_chan *c, const void *elem)
{
    RC_SCHED_POINT();
    return chan_send(c, elem, false, RC_CALLER_PC(), false);
}

bool __rc_chan_recv_private(rc_chan *c, void *elem)
{
    RC_SCHED_POINT();
    bool ok;
    chan_recv(c, elem, true, &ok, RC_CALLER_PC(), false);
    return ok;
}

bool __rc_chan_try_recv_private(rc_chan *c, void *elem, bool *ok)
{
    RC_SCHED_POINT();
    bool dummy;
    return chan_recv(c, elem, false, ok ? ok : &dummy, RC_CALLER_PC(), false);
}

static void chan_close(rc_chan *c, uintptr_t pc)
{
    if (!c)
        rc_panic_msg("close of nil channel");
    RC_HOOK(access, rc_getg(), &c->closed, 1, true, pc);
    chan_lock(c);
    if (c->closed) {
        chan_unlock(c);
        rc_panic_msg("close of closed channel");
    }
    c->closed = true;
    RC_HOOK(release, rc_getg(), c);
    /* wake every waiter: receivers get zero values, senders will panic */
    rc_sudog *wake = NULL, *sg;
    while ((sg = rc_waitq_take(&c->recvq))) {
        if (sg->elem && c->elemsize)
            rc_mem_zero(sg->elem, c->elemsize);
        sg->success = false;
        sg->g->param = sg;
        sg->next = wake;
        wake = sg;
    }
    while ((sg = rc_waitq_take(&c->sendq))) {
        sg->success = false;
        sg->g->param = sg;
        sg->next = wake;
        wake = sg;
    }
    chan_unlock(c);
    while (wake) {
        sg = wake;
        wake = sg->next; /* read before waking: sg dies with its goroutine's wait */
        rc_ready(sg->g);
    }
}

void rc_chan_close(rc_chan *c)
{
    RC_SCHED_POINT();
    chan_close(c, RC_CALLER_PC());
}

void rc_chan_close_nopoint(rc_chan *c)
{
    chan_close(c, RC_CALLER_PC());
}

size_t rc_chan_len(rc_chan *c)
{
    if (!c)
        return 0;
    return __atomic_load_n(&c->qcount, __ATOMIC_RELAXED);
}

size_t rc_chan_cap(rc_chan *c)
{
    return c ? c->cap : 0;
}
