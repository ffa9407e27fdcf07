// N4: writes before `go` are visible in the goroutine (the go statement happens before
// the goroutine's execution begins). Main fills a global table, a heap block and a
// struct on its own stack, then starts a goroutine that reads and overwrites all three;
// the goroutine starts a grandchild that reads them again (the edge is transitive), and
// every goroutine started in a loop reads the loop's earlier writes. Main reads the
// results after Wait.
// Verdict: NO REPORT.
// STDOUT: child=4950 grandchild=9900 heap=64 local=7 loop=45
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
// STDERR-NOT: fatal error
#include <racecheck.h>
#include <stdio.h>
#include <stdlib.h>

#define N 100

typedef struct { int *heap; int local; } args;

static int table[N];
static long child_sum, grandchild_sum;
static int loop_seen[10], loop_vals[10];
static rc_waitgroup wg;

static void grandchild(void *arg)
{
    args *a = arg;
    long s = 0;
    for (int i = 0; i < N; i++)
        s += table[i];      /* the child's writes, made before it started us */
    grandchild_sum = s + a->heap[0] - 64;
    rc_waitgroup_done(&wg);
}

static void child(void *arg)
{
    args *a = arg;
    long s = 0;
    for (int i = 0; i < N; i++) {
        s += table[i];      /* main's writes */
        table[i] *= 2;
    }
    child_sum = s;
    a->local = a->heap[0] / 8 - 1; /* main's stack slot, main's heap block */
    rc_waitgroup_add(&wg, 1);
    rc_go(grandchild, a);
    rc_waitgroup_done(&wg);
}

static void looped(void *arg)
{
    int i = *(int *)arg;
    loop_seen[i] = loop_vals[i]; /* written by main in this iteration, before rc_go */
    rc_waitgroup_done(&wg);
}

int main(void)
{
    args a = { .heap = malloc(sizeof(int)), .local = 0 };
    a.heap[0] = 64;
    for (int i = 0; i < N; i++)
        table[i] = i;
    rc_waitgroup_add(&wg, 1);
    rc_go(child, &a);
    for (int i = 0; i < 10; i++) {
        loop_vals[i] = i;
        rc_waitgroup_add(&wg, 1);
        rc_go_copy(looped, &i, sizeof i);
    }
    rc_waitgroup_wait(&wg);
    int loop = 0;
    for (int i = 0; i < 10; i++)
        loop += loop_seen[i];
    printf("child=%ld grandchild=%ld heap=%d local=%d loop=%d\n", child_sum,
           grandchild_sum, a.heap[0], a.local, loop);
    free(a.heap);
    return 0;
}
