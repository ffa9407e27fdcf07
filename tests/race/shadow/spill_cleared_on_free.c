/* Freeing a block forgets the accesses in its words' spill cells too. Each round:
 * four readers, unordered with each other, read a block (its words spill: two reads
 * in the primary cells, two in the spill cells); main frees it after all four. The
 * reuser, ordered with none of them, gets the block back from malloc and writes it;
 * two more readers of its own, unordered with each other, read it (the second spills
 * again, over the first spill cell); then the reuser writes it again. A spill cell
 * left over from the old block (the fourth old read) would make that write a race.
 * One processor keeps everyone on one thread, so malloc hands the block back. */
// ENV: RCMAXPROCS=1
// STDOUT: rounds=20 mostly_reused=1
// STDERR-NOT: WARNING:
// STDERR-NOT: Found
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#define SIZE 16
#define ROUNDS 20

typedef struct { long *p; int base; } job; /* base: the readers' first turn */

static atomic_int turn;          /* relaxed: sequences readers, orders nothing */
static atomic_uintptr_t freed_at; /* relaxed: the old block, once freed */
static rc_chan *done;
static rc_waitgroup wg;
static int reused;

static void reader(void *arg)
{
    job *j = arg;
    while (atomic_load_explicit(&turn, memory_order_relaxed) != j->base)
        rc_yield();
    long s = 0;
    for (int i = 0; i < SIZE / 8; i++)
        s += j->p[i];
    atomic_store_explicit(&turn, j->base + 1, memory_order_relaxed);
    rc_chan_send(done, &s);
}

/* n readers of p, unordered with each other, from turn t on; waits for them. */
static void read_by(long *p, int n, int t)
{
    job jobs[4];
    for (int i = 0; i < n; i++) {
        jobs[i] = (job){ p, t + i };
        rc_go(reader, &jobs[i]);
    }
    long s;
    for (int i = 0; i < n; i++)
        rc_chan_recv(done, &s);
}

static void reuser(void *arg)
{
    int t = *(int *)arg;
    while (!atomic_load_explicit(&freed_at, memory_order_relaxed))
        rc_yield();
    long *q = malloc(SIZE);
    if ((uintptr_t)q == atomic_load_explicit(&freed_at, memory_order_relaxed))
        reused++; /* one reuser at a time (main waits on wg) */
    for (int i = 0; i < SIZE / 8; i++)
        q[i] = i;
    read_by(q, 2, t);
    for (int i = 0; i < SIZE / 8; i++)
        q[i] = -i;
    free(q);
    rc_waitgroup_done(&wg);
}

int main(void)
{
    done = rc_chan_make(sizeof(long), 0);
    for (int r = 0; r < ROUNDS; r++) {
        atomic_store_explicit(&freed_at, 0, memory_order_relaxed);
        atomic_store_explicit(&turn, 0, memory_order_relaxed);
        int t = 4;
        rc_waitgroup_add(&wg, 1);
        rc_go_copy(reuser, &t, sizeof t); /* before the block exists: ordered with nothing below */
        long *p = malloc(SIZE);
        for (int i = 0; i < SIZE / 8; i++)
            p[i] = r;
        read_by(p, 4, 0);
        free(p);
        atomic_store_explicit(&freed_at, (uintptr_t)p, memory_order_relaxed);
        rc_waitgroup_wait(&wg);
    }
    printf("rounds=%d mostly_reused=%d\n", ROUNDS, reused >= ROUNDS / 2);
    return 0;
}
