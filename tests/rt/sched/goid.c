// rc_goid: main is goroutine 1; each goroutine's rc_goid equals the id rc_go returned
// for it; ids are distinct and increasing in creation order, also when goroutines
// (and their stacks) are reused.
// STDOUT: main goid=1
// STDOUT: 3000 goroutines: ids match rc_go, distinct, increasing
// STDOUT-NOT: FAIL
#include <racecheck.h>
#include <stdio.h>

#define N 3000

static rc_chan *c;

static void report(void *arg)
{
    int64_t id = rc_goid();
    rc_chan_send(c, &id);
}

int main(void)
{
    printf("main goid=%lld\n", (long long)rc_goid());
    c = rc_chan_make(sizeof(int64_t), 0);
    int64_t prev = 1;
    int bad = 0;
    for (int i = 0; i < N; i++) {
        int64_t want = rc_go(report, NULL), got;
        rc_chan_recv(c, &got); /* one at a time: dead goroutines get reused */
        bad += got != want || want <= prev;
        prev = want;
    }
    printf("%d goroutines: %s\n", N, bad ? "FAIL" : "ids match rc_go, distinct, increasing");
    return 0;
}
