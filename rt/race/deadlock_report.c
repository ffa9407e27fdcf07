/*
 * deadlock_report.c: the DEADLOCK report of a wait-for cycle that locks.c found.
 * rc_deadlock_collect copies what the report needs (goroutines, mutexes, the stacks
 * restored from the traces) under rc_locks_lock; rc_deadlock_report symbolizes and
 * writes it after that lock is released (rc_out_lock is never taken under it).
 */
#include "alloc.h"
#include "emit.h"
#include "locks.h"
#include "../diag/panic.h"
#include "../hooks.h"

#include <stdio.h>
#include <string.h>

/* Raw material of a report, gathered under rc_locks_lock, symbolized after. */
typedef struct raw_link {
    int64_t   goid, holder;
    bool      is_main, holder_main;
    uint8_t   why;
    int       hold;
    uintptr_t mutex;
    int       nwait, nacq, ncreate;
    uintptr_t wait[RC_LOCK_STACK], acq[RC_LOCK_STACK], create[RC_LOCK_STACK];
} raw_link;

typedef struct rc_deadlock_raw {
    int      n;
    raw_link l[RC_LOCK_CYCLE];
} raw_deadlock;

static const char *why_string(int why)
{
    switch (why) {
    case RC_LOCKWAIT_MUTEX:     return "sync.Mutex.Lock";
    case RC_LOCKWAIT_RW_READER: return "sync.RWMutex.RLock";
    default:                    return "sync.RWMutex.Lock";
    }
}

raw_deadlock *rc_deadlock_collect(rc_rg **found, int n)
{
    raw_deadlock *raw = rc_race_calloc(1, sizeof *raw);
    if (!raw)
        return NULL;
    rc_report_begin(); /* report() says done */
    raw->n = n;
    int first = 0; /* the cycle from its oldest goroutine, however it was found */
    for (int i = 1; i < n; i++)
        if (found[i]->goid < found[first]->goid)
            first = i;
    rc_rg *path[RC_LOCK_CYCLE];
    for (int i = 0; i < n; i++)
        path[i] = found[(first + i) % n];
    for (int i = 0; i < n; i++) {
        rc_rg *rg = path[i], *next = path[(i + 1) % n];
        raw_link *l = &raw->l[i];
        rc_lockrec *r = rc_lockrec_get(rg->lk_wait, false);
        bool reader;
        rc_lockholder h = { 0 };
        rc_lockrec_holder(r, next->goid, &h, &reader); /* holds: the cycle is frozen */
        l->goid = rg->goid;
        l->is_main = rg->is_main;
        l->holder = next->goid;
        l->holder_main = next->is_main;
        l->why = rg->lk_why;
        l->mutex = r->addr;
        l->hold = reader ? RC_HOLD_READ : RC_LK_LOAD(r->x_owns) ? RC_HOLD_WRITE : RC_HOLD_PENDING;
        l->nwait = rc_locks_stack_now(rg, rg->lk_pc, l->wait, RC_LOCK_STACK);
        l->nacq = rc_locks_stack_at(next, &h, l->acq, RC_LOCK_STACK);
        l->ncreate = (int)(rg->create_depth < RC_LOCK_STACK ? rg->create_depth : RC_LOCK_STACK);
        memcpy(l->create, rg->create_stk, (size_t)l->ncreate * sizeof(uintptr_t));
        rg->lk_deadlocked = true;
    }
    return raw;
}

static rc_rgoroutine goroutine(int64_t id, bool is_main)
{
    return (rc_rgoroutine){ .id = id, .is_main = is_main };
}

static int mutex_index(rc_deadlock_data *d, uintptr_t a)
{
    for (int i = 0; i < d->nmutexes; i++)
        if (d->mutexes[i].addr == a)
            return i;
    rc_report_mutex(&d->mutexes[d->nmutexes], a);
    return d->nmutexes++;
}

static void deadlock_text(const void *p)
{
    const rc_deadlock_data *d = p;
    static const char *const holds[] = {
        [RC_HOLD_WRITE] = "held by", [RC_HOLD_READ] = "held for reading by",
        [RC_HOLD_PENDING] = "which it queues behind: the writer waiting to Lock it is",
    };
    static const char *const took[] = {
        [RC_HOLD_WRITE] = "acquired", [RC_HOLD_READ] = "acquired (for reading)",
        [RC_HOLD_PENDING] = "called Lock of",
    };
    char who[64], next[64];
    rc_emit_out("WARNING: DEADLOCK\n");
    if (d->n == 1) {
        const rc_deadlock_link *l = &d->link[0];
        rc_emit_goroutine_name(&l->g, who, sizeof who);
        who[0] = (char)(who[0] - 'a' + 'A');
        rc_emit_out("%s waits forever in %s for M%d, which it %s itself:\n", who, l->reason,
                    l->mutex + 1, l->hold == RC_HOLD_READ ? "holds for reading"
                                  : l->hold == RC_HOLD_PENDING ? "is locking" : "holds");
        rc_emit_text_stack(&l->wait);
        rc_emit_out("\nM%d %s here:\n", l->mutex + 1,
                    l->hold == RC_HOLD_PENDING ? "being locked" : "acquired");
        rc_emit_text_stack(&l->acquired);
    } else {
        rc_emit_out("%d goroutines wait for each other forever:", d->n);
        for (int i = 0; i < d->n; i++) {
            rc_emit_goroutine_name(&d->link[i].g, who, sizeof who);
            rc_emit_out(" %s => M%d =>", who, d->link[i].mutex + 1);
        }
        rc_emit_goroutine_name(&d->link[0].g, who, sizeof who);
        rc_emit_out(" %s\n", who);
        for (int i = 0; i < d->n; i++) {
            const rc_deadlock_link *l = &d->link[i];
            rc_emit_goroutine_name(&l->g, who, sizeof who);
            rc_emit_goroutine_name(&l->holder, next, sizeof next);
            who[0] = (char)(who[0] - 'a' + 'A');
            rc_emit_out("\n%s waits in %s for M%d, %s %s:\n", who, l->reason, l->mutex + 1,
                        holds[l->hold], next);
            rc_emit_text_stack(&l->wait);
            next[0] = (char)(next[0] - 'a' + 'A');
            rc_emit_out("\n%s %s M%d here:\n", next, took[l->hold], l->mutex + 1);
            rc_emit_text_stack(&l->acquired);
        }
    }
    rc_emit_text_created(d->created, d->ncreated, "blocked");
    rc_emit_text_mutexes(d->mutexes, d->nmutexes);
}

static void deadlock_key(const void *p, char *key, size_t n)
{
    const rc_deadlock_data *d = p;
    const rc_rstack *waits[RC_RCYCLE];
    for (int i = 0; i < d->n; i++)
        waits[i] = &d->link[i].wait;
    rc_emit_sites_key(key, n, "deadlock", waits, d->n);
}

static void deadlock_json(rc_json *j, const void *p)
{
    const rc_deadlock_data *d = p;
    static const char *const hold[] = { "write", "read", "writer-waiting" };
    rc_json_kbool(j, "self", d->n == 1);
    rc_json_key(j, "cycle");
    rc_json_array(j);
    for (int i = 0; i < d->n; i++) {
        const rc_deadlock_link *l = &d->link[i];
        char id[16];
        snprintf(id, sizeof id, "M%d", l->mutex + 1);
        rc_json_object(j);
        rc_emit_json_goroutine(j, "goroutine", &l->g, false);
        rc_json_kstr(j, "wait_reason", l->reason);
        rc_json_kstr(j, "mutex", id);
        rc_emit_json_stack(j, "stack", &l->wait);
        rc_emit_json_goroutine(j, "held_by", &l->holder, false);
        rc_json_kstr(j, "hold", hold[l->hold]);
        rc_emit_json_stack(j, "acquired_at", &l->acquired);
        rc_json_end(j);
    }
    rc_json_end(j);
    rc_emit_json_created(j, d->created, d->ncreated, "blocked");
    rc_emit_json_mutexes(j, d->mutexes, d->nmutexes);
}

static const rc_emitter deadlock_emitter = { "deadlock", deadlock_key, deadlock_text,
                                             deadlock_json };

void rc_deadlock_report(raw_deadlock *raw)
{
    static rc_deadlock_data d; /* guarded by rc_out_lock */
    rc_rg *cur = rc_race_cur();
    if (cur)
        cur->ignore++;
    rc_out_lock();
    memset(&d, 0, sizeof d);
    rc_report_frames_reset();
    d.n = raw->n;
    for (int i = 0; i < raw->n; i++) {
        const raw_link *l = &raw->l[i];
        rc_deadlock_link *o = &d.link[i];
        o->g = goroutine(l->goid, l->is_main);
        o->holder = goroutine(l->holder, l->holder_main);
        o->reason = why_string(l->why);
        o->mutex = mutex_index(&d, l->mutex);
        o->hold = l->hold;
        rc_report_stack(&o->wait, l->wait, l->nwait);
        rc_report_stack(&o->acquired, l->acq, l->nacq);
    }
    for (int i = 0; i < raw->n; i++)
        if (!raw->l[i].is_main && raw->l[i].ncreate) {
            rc_rcreated *c = &d.created[d.ncreated++];
            c->g = goroutine(raw->l[i].goid, false);
            rc_report_stack(&c->stack, raw->l[i].create, raw->l[i].ncreate);
        }
    rc_emit(&deadlock_emitter, &d);
    rc_out_unlock();
    if (cur)
        cur->ignore--;
    rc_race_free(raw);
    rc_report_done(RC_REPORT_DEADLOCK, 1);
}
