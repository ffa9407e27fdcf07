/* bias_phases.h: the revoke-while-in-use schedule the biased-lock stress tests share
 * (sync/mutex_bias_stress.c, chan/chan_bias_stress.c). For each of n slots, goroutine
 * A runs op(slot) a_ops times (enough to bias the slot's lock to A's thread), and a
 * quarter of the way in, goroutine B, spinning on the other thread meanwhile, runs
 * op(slot) b_ops times. Returns when both are done with every slot. */
#ifndef BIAS_PHASES_H
#define BIAS_PHASES_H

#include <racecheck.h>
#include <stdatomic.h>

static struct {
    void (*op)(int slot);
    int n, a_ops, b_ops;
    _Atomic int phase; /* A sets it to i+1 once slot i is biased; B answers -(i+1) */
    rc_chan *done;
} bias_phases_;

static void bias_phases_a_(void *arg)
{
    (void)arg;
    for (int i = 0; i < bias_phases_.n; i++) {
        for (int k = 0; k < bias_phases_.a_ops; k++) {
            bias_phases_.op(i);
            if (k == bias_phases_.a_ops / 4)
                atomic_store(&bias_phases_.phase, i + 1); /* B starts now, while we go on */
        }
        while (atomic_load(&bias_phases_.phase) != -(i + 1))
            ; /* B is done with slot i */
    }
    rc_chan_send(bias_phases_.done, &(int){1});
}

static void bias_phases_b_(void *arg)
{
    (void)arg;
    for (int i = 0; i < bias_phases_.n; i++) {
        while (atomic_load(&bias_phases_.phase) != i + 1)
            ;
        for (int k = 0; k < bias_phases_.b_ops; k++)
            bias_phases_.op(i);
        atomic_store(&bias_phases_.phase, -(i + 1));
    }
    rc_chan_send(bias_phases_.done, &(int){1});
}

static inline void bias_phases_run(void (*op)(int slot), int n, int a_ops, int b_ops)
{
    bias_phases_.op = op;
    bias_phases_.n = n;
    bias_phases_.a_ops = a_ops;
    bias_phases_.b_ops = b_ops;
    bias_phases_.done = rc_chan_make(sizeof(int), 2);
    rc_go(bias_phases_a_, NULL);
    rc_go(bias_phases_b_, NULL);
    rc_chan_recv(bias_phases_.done, NULL);
    rc_chan_recv(bias_phases_.done, NULL);
}

#endif
