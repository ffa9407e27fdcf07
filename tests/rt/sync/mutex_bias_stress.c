// Revoking a bias while its owner thread is locking and unlocking in a tight loop:
// for each of 16 mutexes, goroutine A takes it 100k times (it becomes biased to A's
// thread), while goroutine B, on the other thread, takes it 2000 times in the middle
// of that. Every increment made under the lock must survive.
// ENV: RCMAXPROCS=2
// STDOUT: all counts right=1
// STDOUT: revoked while in use=1
#include "../bias_phases.h"
#include "bias_test.h"
#include <racecheck.h>
#include <stdio.h>

#define NMU 16
#define A_OPS 100000
#define B_OPS 2000

static struct {
    rc_mutex mu;
    long long count;
} slot[NMU];

static void lock_count(int i)
{
    rc_mutex_lock(&slot[i].mu);
    slot[i].count++;
    rc_mutex_unlock(&slot[i].mu);
}

int main(void)
{
    if (!bias_testable())
        return 0;
    bias_phases_run(lock_count, NMU, A_OPS, B_OPS);
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
