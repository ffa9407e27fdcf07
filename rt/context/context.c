/*
 * context.c: Go's context package: Background, WithCancel, WithDeadline, WithTimeout,
 * WithValue.
 *
 * Three kinds of node. Background is static. A cancel node (WithCancel, WithDeadline,
 * WithTimeout) has a lock, an error, a done channel (made eagerly, closed on cancel),
 * its live children and, for deadlines, a timer. A value node has a key and a value and
 * delegates Done, Err and Deadline to its parent, as in Go.
 *
 * The cancel tree: a cancel node registers with its owner, the nearest cancel ancestor
 * (value nodes in between are skipped), in the owner's children list. Cancelling a node
 * closes its done channel, cancels its children with the same error and empties the
 * list; cancelling it directly also unlinks it from its owner. A node born under a
 * cancelled owner is born cancelled and never linked.
 *
 * Locks: a spinlock per cancel node guards err (written under it, read lock-free with
 * acquire), children, the sibling links of its children ("linked" included) and timer.
 * Lock order: owner -> child, i.e. always top-down, so every thread takes locks in
 * strictly increasing depth and cancels cannot deadlock one another. Under these locks
 * we close channels (chan.c never takes a context lock); timers are stopped only after
 * every context lock is dropped (rc_timer_stop may wait for the timer thread).
 *
 * Lifetimes (see racecheck.h): each node holds a reference to its parent. The owner's
 * children list holds no reference: a node freed while linked first unlinks itself
 * under the owner's lock, so a canceller walking the list under that lock never sees
 * freed memory. An armed deadline timer holds a reference to its node; it is dropped by
 * whoever stops the timer successfully, or else by the goroutine the timer spawned
 * (deadlines fire through rc_timer_after_func, as Go's time.AfterFunc, so the cancel
 * runs on a goroutine and the detector hook below always has one). Whoever takes the
 * timer out of c->timer under c's lock frees it.
 *
 * Detector edge (hooks.h): cancel -> release(ctx) before closing done.
 */
#include "../chan/chan.h"
#include "../core/spin.h"
#include "../diag/panic.h"
#include "../sched/control.h"
#include "../hooks.h"
#include "racecheck.h"

#include <stdlib.h>

typedef enum { CTX_BACKGROUND, CTX_CANCEL, CTX_VALUE } ctx_kind;

struct rc_ctx {
    _Atomic int refs;
    ctx_kind    kind;
    rc_ctx     *parent;            /* holds a reference; NULL for background */

    /* cancel nodes */
    _Atomic uint32_t lock;
    _Atomic int err;               /* rc_ctx_err */
    rc_chan    *done;
    rc_ctx     *owner;             /* nearest cancel ancestor, or NULL (immutable) */
    rc_ctx     *children;          /* live, uncancelled children */
    rc_ctx     *sib_prev, *sib_next; /* in owner->children; owner's lock */
    bool        linked;            /* in owner->children; owner's lock */
    bool        has_deadline;      /* immutable */
    int64_t     deadline;
    rc_timer   *timer;             /* armed deadline timer, or NULL */

    /* value nodes */
    const void *key;
    void       *value;
};

static rc_ctx background = { .kind = CTX_BACKGROUND };

rc_ctx *rc_ctx_background(void) { return &background; }

/* ---- timers to stop once the locks are dropped ------------------------------------ */

typedef struct { rc_timer *t; rc_ctx *c; } stop_entry;
typedef struct { stop_entry *v; int n, cap; stop_entry small[4]; } stoplist;

static void stoplist_init(stoplist *s) { s->v = s->small; s->n = 0; s->cap = 4; }

static void stoplist_push(stoplist *s, rc_timer *t, rc_ctx *c)
{
    if (s->n == s->cap) {
        stop_entry *v = malloc((size_t)s->cap * 2 * sizeof *v);
        if (!v)
            rc_fatal("out of memory (context)");
        for (int i = 0; i < s->n; i++)
            v[i] = s->v[i];
        if (s->v != s->small)
            free(s->v);
        s->v = v;
        s->cap *= 2;
    }
    s->v[s->n++] = (stop_entry){ t, c };
}

/* The entry's context is touched only if the stop succeeded: then the timer's
 * reference was still held, so it is alive. */
static void stoplist_run(stoplist *s)
{
    for (int i = 0; i < s->n; i++) {
        bool stopped = rc_timer_stop(s->v[i].t);
        rc_timer_free(s->v[i].t);
        if (stopped)
            rc_ctx_release(s->v[i].c);
    }
    if (s->v != s->small)
        free(s->v);
}

/* ---- the cancel tree ----------------------------------------------------------------- */

static void unlink_child(rc_ctx *o, rc_ctx *c) /* o->lock held, c->linked */
{
    if (c->sib_prev)
        c->sib_prev->sib_next = c->sib_next;
    else
        o->children = c->sib_next;
    if (c->sib_next)
        c->sib_next->sib_prev = c->sib_prev;
    c->sib_prev = c->sib_next = NULL;
    c->linked = false;
}

/* c->lock held. Cancels c and its subtree; their timers go to s. */
static void cancel_locked(rc_ctx *c, rc_ctx_err err, stoplist *s)
{
    if (atomic_load_explicit(&c->err, memory_order_relaxed) != RC_CTX_OK)
        return;
    atomic_store_explicit(&c->err, err, memory_order_release);
    RC_HOOK(release, rc_getg(), c);
    rc_chan_close_nopoint(c->done); /* c->lock held */
    rc_ctx *ch;
    while ((ch = c->children)) {
        rc_spin_lock(&ch->lock);
        unlink_child(c, ch);
        cancel_locked(ch, err, s);
        rc_spin_unlock(&ch->lock);
    }
    if (c->timer) {
        stoplist_push(s, c->timer, c);
        c->timer = NULL;
    }
}

static void cancel(rc_ctx *c, rc_ctx_err err)
{
    stoplist s;
    stoplist_init(&s);
    rc_ctx *o = c->owner;
    if (o)
        rc_spin_lock(&o->lock);
    rc_spin_lock(&c->lock);
    cancel_locked(c, err, &s);
    rc_spin_unlock(&c->lock);
    if (o) {
        if (c->linked)
            unlink_child(o, c);
        rc_spin_unlock(&o->lock);
    }
    stoplist_run(&s);
}

/* Cancelling a background or value context does nothing (Go gives them no cancel
 * function). */
void rc_ctx_cancel(rc_ctx *c)
{
    RC_SCHED_POINT();
    if (c && c->kind == CTX_CANCEL)
        cancel(c, RC_CTX_CANCELED);
}

/* ---- construction ------------------------------------------------------------------ */

static rc_ctx *node_new(rc_ctx *parent, ctx_kind kind)
{
    if (!parent)
        rc_panic_msg("cannot create context from nil parent");
    rc_ctx *c = calloc(1, sizeof *c);
    if (!c)
        rc_panic_msg("context: out of memory");
    atomic_store_explicit(&c->refs, 1, memory_order_relaxed);
    c->kind = kind;
    c->parent = rc_ctx_retain(parent);
    return c;
}

static rc_ctx *cancel_ancestor(rc_ctx *p)
{
    while (p->kind == CTX_VALUE)
        p = p->parent;
    return p->kind == CTX_CANCEL ? p : NULL;
}

/* A cancel node under parent, registered with its owner or born cancelled. */
static rc_ctx *cancel_new(rc_ctx *parent, bool has_deadline, int64_t deadline)
{
    rc_ctx *c = node_new(parent, CTX_CANCEL);
    c->done = rc_chan_make(0, 0);
    c->has_deadline = has_deadline;
    c->deadline = deadline;
    rc_ctx *o = c->owner = cancel_ancestor(parent);
    if (!o)
        return c;
    rc_spin_lock(&o->lock);
    rc_ctx_err e = atomic_load_explicit(&o->err, memory_order_relaxed);
    if (e != RC_CTX_OK) {
        /* not yet visible to anyone: no lock of its own needed */
        atomic_store_explicit(&c->err, e, memory_order_release);
        RC_HOOK(release, rc_getg(), c);
        rc_chan_close_nopoint(c->done); /* o->lock held */
    } else {
        c->sib_next = o->children;
        if (o->children)
            o->children->sib_prev = c;
        o->children = c;
        c->linked = true;
    }
    rc_spin_unlock(&o->lock);
    return c;
}

rc_ctx *rc_ctx_with_cancel(rc_ctx *parent)
{
    RC_SCHED_POINT();
    return cancel_new(parent, false, 0);
}

/* Runs in the goroutine the deadline timer spawned; owns the timer's reference. */
static void deadline_fire(void *arg)
{
    rc_ctx *c = arg;
    cancel(c, RC_CTX_DEADLINE_EXCEEDED);
    rc_ctx_release(c);
}

rc_ctx *rc_ctx_with_deadline(rc_ctx *parent, int64_t deadline)
{
    RC_SCHED_POINT();
    int64_t cur;
    if (parent && rc_ctx_deadline(parent, &cur) && cur < deadline)
        return rc_ctx_with_cancel(parent); /* the parent's deadline comes first */
    rc_ctx *c = cancel_new(parent, true, deadline);
    if (rc_ctx_err_of(c) != RC_CTX_OK)
        return c; /* born cancelled */
    rc_duration d = deadline - rc_now();
    if (d <= 0) {
        cancel(c, RC_CTX_DEADLINE_EXCEEDED);
        return c;
    }
    rc_ctx_retain(c); /* the timer's */
    rc_timer *t = rc_timer_after_func(d, deadline_fire, c);
    rc_spin_lock(&c->lock);
    if (atomic_load_explicit(&c->err, memory_order_relaxed) == RC_CTX_OK) {
        c->timer = t;
        t = NULL;
    }
    rc_spin_unlock(&c->lock);
    if (t) { /* cancelled meanwhile (by the owner, or the timer itself) */
        stoplist s;
        stoplist_init(&s);
        stoplist_push(&s, t, c);
        stoplist_run(&s);
    }
    return c;
}

rc_ctx *rc_ctx_with_timeout(rc_ctx *parent, rc_duration timeout)
{
    RC_SCHED_POINT();
    return rc_ctx_with_deadline(parent, rc_now() + timeout);
}

rc_ctx *rc_ctx_with_value(rc_ctx *parent, const void *key, void *value)
{
    if (!key)
        rc_panic_msg("nil key");
    rc_ctx *c = node_new(parent, CTX_VALUE);
    c->key = key;
    c->value = value;
    return c;
}

/* ---- queries ------------------------------------------------------------------------- */

/* The node that answers Done and Err for c: itself or its nearest cancel ancestor. */
static rc_ctx *answering(rc_ctx *c)
{
    while (c->kind == CTX_VALUE)
        c = c->parent;
    return c;
}

rc_chan *rc_ctx_done(rc_ctx *c)
{
    c = answering(c);
    return c->kind == CTX_CANCEL ? c->done : NULL;
}

rc_ctx_err rc_ctx_err_of(rc_ctx *c)
{
    c = answering(c);
    if (c->kind != CTX_CANCEL)
        return RC_CTX_OK;
    return atomic_load_explicit(&c->err, memory_order_acquire);
}

const char *rc_ctx_err_string(rc_ctx_err e)
{
    switch (e) {
    case RC_CTX_OK:                return "<nil>";
    case RC_CTX_CANCELED:          return "context canceled";
    case RC_CTX_DEADLINE_EXCEEDED: return "context deadline exceeded";
    }
    return "unknown context error";
}

bool rc_ctx_deadline(rc_ctx *c, int64_t *deadline)
{
    for (; c->kind != CTX_BACKGROUND; c = c->parent) {
        if (c->kind == CTX_CANCEL && c->has_deadline) {
            if (deadline)
                *deadline = c->deadline;
            return true;
        }
    }
    return false;
}

void *rc_ctx_value(rc_ctx *c, const void *key)
{
    for (; c->kind != CTX_BACKGROUND; c = c->parent)
        if (c->kind == CTX_VALUE && c->key == key)
            return c->value;
    return NULL;
}

/* ---- references ---------------------------------------------------------------------- */

rc_ctx *rc_ctx_retain(rc_ctx *c)
{
    if (c && c->kind != CTX_BACKGROUND)
        atomic_fetch_add_explicit(&c->refs, 1, memory_order_relaxed);
    return c;
}

/* The last reference frees the node and drops its reference to its parent. A live
 * deadline timer holds a reference, so a freed node never has one. */
void rc_ctx_release(rc_ctx *c)
{
    while (c && c->kind != CTX_BACKGROUND) {
        if (atomic_fetch_sub_explicit(&c->refs, 1, memory_order_acq_rel) != 1)
            return;
        rc_ctx *parent = c->parent;
        if (c->kind == CTX_CANCEL) {
            rc_ctx *o = c->owner;
            if (o) {
                rc_spin_lock(&o->lock);
                if (c->linked)
                    unlink_child(o, c);
                rc_spin_unlock(&o->lock);
            }
            rc_chan_release(c->done);
        }
        free(c);
        c = parent;
    }
}
