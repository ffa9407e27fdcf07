/*
 * select.c: select over any mix of send and receive cases, after Go's selectgo.
 *
 *   1. Lock every distinct channel in address order (the global lock order).
 *   2. Poll the cases in a random order (uniform choice among the ready ones).
 *   3. None ready: with default, return -1; else queue a sudog on every channel and
 *      park. The first waker wins the goroutine's select_done CAS and records its
 *      sudog in g->param; later wakers skip our sudogs (rc_waitq_take).
 *   4. Woken: relock all, unqueue the losing sudogs, unlock, report the winner.
 */
#include "chan.h"
#include "../diag/panic.h"
#include "../sched/control.h"
#include "../hooks.h"

#include <stdlib.h>
#include <string.h>

#define SMALL 16

typedef struct selstate {
    rc_case  *cases;
    int       n;
    uint16_t *poll;    /* active cases in random order */
    uint16_t *lockord; /* active cases sorted by channel address */
    int       nactive;
    rc_sudog *sg;      /* one per case (pass 3) */
} selstate;

static void sel_lock(selstate *s)
{
    rc_chan *prev = NULL;
    for (int i = 0; i < s->nactive; i++) {
        rc_chan *c = s->cases[s->lockord[i]].ch;
        if (c != prev)
            chan_lock(c);
        prev = c;
    }
}

/* Each channel is unlocked at its lowest position in lock order, so the last unlock
 * is the loop's last act: as park callback (on g0, after the switch) it must not read
 * s, which lives on the goroutine's stack or heap, once that goroutine can be woken
 * and return. As Go's selunlock. */
static void sel_unlock(selstate *s)
{
    for (int i = s->nactive - 1; i >= 0; i--) {
        rc_chan *c = s->cases[s->lockord[i]].ch;
        if (i > 0 && c == s->cases[s->lockord[i - 1]].ch)
            continue; /* unlocked at i - 1 */
        chan_unlock(c);
    }
}

/* Unlocks all but c (whose lock the operation body releases). */
static void sel_unlock_except(selstate *s, rc_chan *keep)
{
    rc_chan *prev = NULL;
    for (int i = s->nactive - 1; i >= 0; i--) {
        rc_chan *c = s->cases[s->lockord[i]].ch;
        if (c != prev && c != keep)
            chan_unlock(c);
        prev = c;
    }
}

static void sel_unlock_cb(void *s) { sel_unlock(s); }

static void sort_lockorder(selstate *s)
{
    /* insertion sort: n is small in practice; a heap sort would do for huge selects */
    for (int i = 1; i < s->nactive; i++) {
        uint16_t k = s->lockord[i];
        uintptr_t kc = (uintptr_t)s->cases[k].ch;
        int j = i - 1;
        while (j >= 0 && (uintptr_t)s->cases[s->lockord[j]].ch > kc) {
            s->lockord[j + 1] = s->lockord[j];
            j--;
        }
        s->lockord[j + 1] = k;
    }
}

/* Pass 1: try each case once; returns the index done, or -1 (locks still held). */
static int sel_poll(selstate *s)
{
    for (int i = 0; i < s->nactive; i++) {
        int k = s->poll[i];
        rc_case *cs = &s->cases[k];
        rc_chan *c = cs->ch;
        rc_sudog *sg;
        if (cs->dir == RC_CASE_RECV) {
            if ((sg = rc_waitq_take(&c->sendq))) {
                sel_unlock_except(s, c);
                chan_recv_from_waiter(c, sg, cs->elem);
                cs->ok = true;
                return k;
            }
            if (c->qcount > 0) {
                sel_unlock_except(s, c);
                chan_recv_buffered(c, cs->elem);
                cs->ok = true;
                return k;
            }
            if (c->closed) {
                sel_unlock_except(s, c);
                chan_recv_closed(c, cs->elem);
                cs->ok = false;
                return k;
            }
        } else {
            if (c->closed) {
                sel_unlock(s);
                chan_panic_send_closed();
            }
            if ((sg = rc_waitq_take(&c->recvq))) {
                sel_unlock_except(s, c);
                chan_send_to_waiter(c, sg, cs->elem);
                return k;
            }
            if (c->qcount < c->cap) {
                sel_unlock_except(s, c);
                chan_send_buffered(c, cs->elem);
                return k;
            }
        }
    }
    return -1;
}

/* Passes 2-4: wait on every case. */
static int sel_wait(selstate *s)
{
    rc_g *g = rc_getg();
    /* relaxed: wakers read it only after taking a lock we hold until we park */
    atomic_store_explicit(&g->select_done, 0, memory_order_relaxed);
    g->param = NULL;
    for (int i = 0; i < s->nactive; i++) {
        int k = s->lockord[i];
        rc_case *cs = &s->cases[k];
        rc_sudog *sg = &s->sg[k];
        memset(sg, 0, sizeof *sg);
        sg->g = g;
        sg->elem = cs->elem;
        sg->c = cs->ch;
        sg->case_index = k;
        sg->is_select = true;
        rc_waitq_push(cs->dir == RC_CASE_RECV ? &cs->ch->recvq : &cs->ch->sendq, sg);
        cs->ch->waitrefs++;
    }
    rc_park(sel_unlock_cb, s, RC_WAIT_SELECT);

    rc_sudog *won = g->param;
    sel_lock(s);
    for (int i = 0; i < s->nactive; i++) {
        int k = s->lockord[i];
        rc_case *cs = &s->cases[k];
        if (&s->sg[k] != won)
            rc_waitq_remove(cs->dir == RC_CASE_RECV ? &cs->ch->recvq : &cs->ch->sendq,
                            &s->sg[k]);
        s->sg[k].last_ref = --cs->ch->waitrefs == 0 && cs->ch->orphaned;
    }
    sel_unlock(s);
    for (int i = 0; i < s->nactive; i++)
        if (s->sg[s->lockord[i]].last_ref)
            chan_free(s->cases[s->lockord[i]].ch); /* released by all while we waited */

    int k = won->case_index;
    rc_case *cs = &s->cases[k];
    if (cs->dir == RC_CASE_SEND && !won->success)
        chan_panic_send_closed();
    if (cs->dir == RC_CASE_RECV) {
        cs->ok = won->success;
        if (!won->success)
            RC_HOOK(acquire, g, cs->ch); /* woken by close */
    }
    return k;
}

static int select_impl(rc_case *cases, int n, bool block)
{
    if (n < 0 || n > 65535)
        rc_panic_msg("select: bad number of cases");
    uint16_t poll_small[SMALL], lock_small[SMALL];
    rc_sudog sg_small[SMALL];
    selstate s = { cases, n, poll_small, lock_small, 0, sg_small };
    void *heap = NULL;
    if (n > SMALL) {
        heap = malloc((size_t)n * (2 * sizeof(uint16_t) + sizeof(rc_sudog)));
        if (!heap)
            rc_panic_msg("select: out of memory");
        s.sg = heap;
        s.poll = (uint16_t *)(s.sg + n);
        s.lockord = s.poll + n;
    }
    /* random poll order over the non-nil cases (inside-out Fisher-Yates), from one
     * 64-bit draw while the choices' product stays under 2^32 (see rc_rand_take) */
    uint64_t frac = 0, used = 1ull << 32; /* product of the choices taken from frac */
    for (int i = 0; i < n; i++) {
        if (!cases[i].ch)
            continue;
        uint32_t k = (uint32_t)s.nactive + 1; /* k = 1 (the first case) takes nothing */
        if (used * k > 1ull << 32) {
            frac = rc_fastrand();
            used = 1;
        }
        used *= k;
        int j = (int)rc_rand_take(&frac, k);
        s.poll[s.nactive] = s.poll[j];
        s.poll[j] = (uint16_t)i;
        s.lockord[s.nactive] = (uint16_t)i;
        s.nactive++;
    }
    int chosen;
    if (s.nactive == 0) {
        if (!block) {
            chosen = -1;
        } else {
            rc_park(NULL, NULL, n == 0 ? RC_WAIT_SELECT_NO_CASES : RC_WAIT_SELECT);
            rc_fatal("unreachable: woke from a select that never ends");
        }
    } else {
        sort_lockorder(&s);
        sel_lock(&s);
        chosen = sel_poll(&s);
        if (chosen < 0) {
            if (block) {
                chosen = sel_wait(&s);
            } else {
                sel_unlock(&s);
            }
        }
    }
    free(heap);
    return chosen;
}

/* The detector sees a send case read its value and a chosen receive write its
 * destination, at the user's select call. */
static int select_hooked(rc_case *cases, int n, bool block, uintptr_t pc)
{
    if (__builtin_expect(!rc_detector_on(), 1))
        return select_impl(cases, n, block);
    /* Our own references keep the chosen channel alive for the hook after the select:
     * a woken select may have held the last one, dropped inside select_impl. */
    for (int i = 0; i < n; i++) {
        if (!cases[i].ch)
            continue;
        rc_chan_retain(cases[i].ch);
        if (cases[i].dir == RC_CASE_SEND) {
            RC_HOOK(access, rc_getg(), &cases[i].ch->closed, 1, false, pc); /* the channel */
            if (cases[i].elem)
                RC_HOOK(access, rc_getg(), cases[i].elem, cases[i].ch->elemsize, false, pc);
        }
    }
    int k = select_impl(cases, n, block);
    if (k >= 0 && cases[k].dir == RC_CASE_RECV && cases[k].elem)
        RC_HOOK(access, rc_getg(), cases[k].elem, cases[k].ch->elemsize, true, pc);
    for (int i = 0; i < n; i++)
        rc_chan_release(cases[i].ch);
    return k;
}

int rc_select(rc_case *cases, int n)
{
    RC_SCHED_POINT();
    return select_hooked(cases, n, true, RC_CALLER_PC());
}

int rc_select_try(rc_case *cases, int n)
{
    RC_SCHED_POINT();
    return select_hooked(cases, n, false, RC_CALLER_PC());
}
