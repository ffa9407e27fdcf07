// A goroutine that spawns in a loop yields once its P's run queue holds 128
// goroutines (we have no preemption to do it for it): with one P, the spawned ones
// run and exit along the way, so live goroutines (each holding a stack) stay bounded
// instead of reaching the 100k the loop creates.
// ENV: RCMAXPROCS=1
// STDOUT: all 100000 ran
// STDOUT: live goroutines stayed bounded: yes
// STDOUT-NOT: FAIL
#include <racecheck.h>
#include <stdio.h>

#define N 100000

static _Atomic int ran;

static void nop(void *arg) { ran++; }

int main(void)
{
    int max_live = 0;
    for (int i = 0; i < N; i++) {
        rc_go(nop, NULL);
        int live = rc_numgoroutine();
        if (live > max_live)
            max_live = live;
    }
    while (ran < N)
        rc_yield();
    printf("all %d ran\n", (int)ran);
    printf("live goroutines stayed bounded: %s (max %d)\n", max_live <= 1000 ? "yes" : "FAIL",
           max_live);
    return 0;
}
