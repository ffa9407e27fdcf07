// Revoking a bias while its owner thread is locking and unlocking in a tight loop:
// for each of 16 mutexes, goroutine A takes it 100k times (it becomes biased to A's
// thread), while goroutine B, on the other thread, takes it 2000 times in the middle
// of that. Every increment made under the lock must survive.
// ENV: RCMAXPROCS=2
// STDOUT: all counts right=1
// STDOUT: revoked while in use=1
#include "bias_test.h"
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>

#define NMU 16
#define A_OPS 100000
#define B_OPS 2000

static struct {
    rc_mutex mu;
    long long count;
} slot[NMU];
static _Atomic int phase; /* A sets it to i+1 once slot i is biased; B answers -(i+1) */
static rc_chan *done;

static void a_side(void *arg)
{
    for (int i = 0; i < NMU; i++) {
        for (int k = 0; k < A_OPS; k++) {
            rc_mutex_lock(&slot[i].mu);
            slot[i].count++;
            rc_mutex_unlock(&slot[i].mu);
            if (k == A_OPS / 4)
                atomic_store(&phase, i + 1); /* B starts now, while we go on */
        }
        while (atomic_load(&phase) != -(i + 1))
            ; /* B is done with slot i */
    }
    rc_chan_send(done, &(int){1});
}

static void b_side(void *arg)
{
    for (int i = 0; i < NMU; i++) {
        while (atomic_load(&phase) != i + 1)
            ;
        for (int k = 0; k < B_OPS; k++) {
            rc_mutex_lock(&slot[i].mu);
            slot[i].count++;
            rc_mutex_unlock(&slot[i].mu);
        }
        atomic_store(&phase, -(i + 1));
    }
    rc_chan_send(done, &(int){1});
}

int main(void)
{
    if (!bias_testable())
        return 0;
    done = rc_chan_make(sizeof(int), 2);
    rc_go(a_side, NULL);
    rc_go(b_side, NULL);
    rc_chan_recv(done, NULL);
    rc_chan_recv(done, NULL);
    int ok = 1;
    for (int i = 0; i < NMU; i++)
        if (slot[i].count != A_OPS + B_OPS) {
            printf("slot %d: %lld, want %d\n", i, slot[i].count, A_OPS + B_OPS);
            ok = 0;
        }
    printf("all counts right=%d\n", ok);
    printf("revoked while in use=%d\n", rc_mutex_bias_revocations() > 0);
    printf("revocations=%llu\n", (unsigned long long)rc_mutex_bias_revocations());
    return 0;
}
