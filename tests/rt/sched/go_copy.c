// rc_go_copy gives each goroutine its own copy of the argument (the loop-variable fix):
// every goroutine sees the value at the time of its rc_go_copy, even though main keeps
// changing the variable, and the copy of a larger struct is intact and writable.
// STDOUT: ints: 1000 goroutines saw 1000 distinct values, sum ok
// STDOUT: struct copies intact: 200
// STDOUT-NOT: FAIL
#include <racecheck.h>
#include <stdio.h>
#include <string.h>

#define N 1000

static rc_chan *results;
static _Atomic int seen[N];

typedef struct { int id; char name[200]; long tail; } big;

static void take_int(void *arg)
{
    int i = *(int *)arg;
    *(int *)arg = -1; /* the copy is ours: scribbling cannot affect anyone else */
    if (i >= 0 && i < N)
        seen[i]++;
    rc_chan_send(results, &i);
}

static void take_big(void *arg)
{
    big *b = arg;
    char want[200];
    snprintf(want, sizeof want, "goroutine-%d", b->id);
    int ok = !strcmp(b->name, want) && b->tail == b->id * 7L;
    memset(b, 0, sizeof *b);
    rc_chan_send(results, &ok);
}

int main(void)
{
    results = rc_chan_make(sizeof(int), 0);
    for (int i = 0; i < N; i++)
        rc_go_copy(take_int, &i, sizeof i);
    long sum = 0;
    for (int i = 0; i < N; i++) {
        int v;
        rc_chan_recv(results, &v);
        sum += v;
    }
    int distinct = 0;
    for (int i = 0; i < N; i++)
        distinct += seen[i] == 1;
    printf("ints: %d goroutines saw %d distinct values, sum %s\n", N, distinct,
           sum == (long)N * (N - 1) / 2 ? "ok" : "FAIL");

    big b;
    for (int i = 0; i < 200; i++) {
        b.id = i;
        snprintf(b.name, sizeof b.name, "goroutine-%d", i);
        b.tail = i * 7L;
        rc_go_copy(take_big, &b, sizeof b);
        memset(&b, 0xee, sizeof b);
    }
    int good = 0;
    for (int i = 0; i < 200; i++) {
        int ok;
        rc_chan_recv(results, &ok);
        good += ok;
    }
    printf("struct copies intact: %d%s\n", good, good == 200 ? "" : " FAIL");
    return 0;
}
