/*
 * runq.h: run queues.
 *
 * Each P has a bounded ring (runq) plus one runnext slot. The owner P is the only
 * producer (writes tail); the owner and thieves consume by CAS on head, so thieves
 * need no lock. runnext holds the goroutine the P most recently woke: it runs next,
 * ahead of the ring, which keeps a ping-pong pair on one P and one cache (Go's design).
 * When the ring is full, half of it moves to the global queue (a locked list).
 */
#ifndef RC_RUNQ_H
#define RC_RUNQ_H

#include "sched.h"

void  rc_runq_init(rc_p *p);                     /* a new P's queues */
void  rc_runq_put(rc_p *p, rc_g *g, bool next);  /* owner only */
rc_g *rc_runq_get(rc_p *p);                      /* owner only */
bool  rc_runq_empty(rc_p *p);
uint32_t rc_runq_len(rc_p *p);                  /* ring only, not runnext; owner only */
/* Moves about half of victim's goroutines to p's ring and returns one of them;
 * takes victim's runnext too if steal_next. */
rc_g *rc_runq_steal(rc_p *p, rc_p *victim, bool steal_next);
/* Moves everything from p's queues to the global queue (sched.lock held). */
void  rc_runq_drain_to_global_locked(rc_p *p);

/* The global queue (sched.lock held for all three). */
void  rc_globrunq_put_locked(rc_g *g);
void  rc_globrunq_put_batch_locked(rc_g *head, rc_g *tail, int n);
/* Takes one goroutine and, when p != NULL, a fair share more into p's ring. */
rc_g *rc_globrunq_get_locked(rc_p *p, int max);
int   rc_globrunq_size(void);                    /* racy read, for fast checks */

#endif
