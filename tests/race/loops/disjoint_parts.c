// Loops that touch only their own part of a shared array do not race with
// goroutines that own the other parts, however the pass checks them: a
// coalesced check must never cover an element its loop does not touch. Each
// pair below splits one array between two goroutines:
//   halves:  [0,n/2) and [n/2,n), the second one written backwards
//   stride:  even elements (stride 8 bytes, 4 touched: not coalesced) / odd ones
//   cond:    `if (i & 1)` inside a loop over all elements / the even ones
//   early:   a loop that stops at a sentinel / everything after the sentinel
//            (500 + 499 ones and the -1: 998)
// ENV: RCMAXPROCS=2
// STDERR-NOT: DATA RACE
// STDOUT: ok 1000 1000 1000 998
#include <racecheck.h>
#include <stdio.h>

#define N 1000

static int halves[N], stride[N], cond[N], early[N];
static rc_waitgroup wg;

static __attribute__((noinline)) void up(int *p, long lo, long hi)
{
    for (long i = lo; i < hi; i++)
        p[i] = 1;
}

static __attribute__((noinline)) void down(int *p, long lo, long hi)
{
    for (long i = hi - 1; i >= lo; i--)
        p[i] = 1;
}

// p[start], p[start+2], ... (pairs of them): stride 8 bytes, 4 touched.
static __attribute__((noinline)) void every_other(int *p, long start, long pairs)
{
    for (long i = 0; i < pairs; i++)
        p[2 * i + start] = 1;
}

static __attribute__((noinline)) void odd_only(int *p, long n)
{
    for (long i = 0; i < n; i++)
        if (i & 1)
            p[i] = 1;
}

// Marks elements up to (not including) the first negative one.
static __attribute__((noinline)) long until_sentinel(int *p, long n)
{
    long i;
    for (i = 0; i < n; i++) {
        if (p[i] < 0)
            break;
        p[i] = 1;
    }
    return i;
}

static void g_lo(void *arg) { up(halves, 0, N / 2); every_other(stride, 0, N / 2); odd_only(cond, N); until_sentinel(early, N); rc_waitgroup_done(&wg); }
static void g_hi(void *arg) { down(halves, N / 2, N); every_other(stride, 1, N / 2); every_other(cond, 0, N / 2); up(early, N / 2 + 1, N); rc_waitgroup_done(&wg); }

static long count(const int *p)
{
    long s = 0;
    for (long i = 0; i < N; i++)
        s += p[i];
    return s;
}

int main(void)
{
    early[N / 2] = -1; // the sentinel, written before both goroutines start
    rc_waitgroup_add(&wg, 2);
    rc_go(g_lo, NULL);
    rc_go(g_hi, NULL);
    rc_waitgroup_wait(&wg);
    printf("ok %ld %ld %ld %ld\n", count(halves), count(stride), count(cond), count(early));
    return 0;
}
