// Buffered channel under contention: each sender's values arrive in the order it sent
// them, none is lost or duplicated, for several capacities (including 0 and 1).
// STDOUT: cap 0: 4 senders x 20000 values in order, sum ok
// STDOUT: cap 1: 4 senders x 20000 values in order, sum ok
// STDOUT: cap 3: 4 senders x 20000 values in order, sum ok
// STDOUT: cap 64: 4 senders x 20000 values in order, sum ok
// STDOUT-NOT: FAIL
#include <racecheck.h>
#include <stdio.h>
#include <stdlib.h>

#define NSEND 4
#define NVAL 20000

static rc_chan *c;

static void seq_sender(void *arg)
{
    int id = *(int *)arg;
    for (int i = 0; i < NVAL; i++) {
        int v = id * NVAL + i;
        rc_chan_send(c, &v);
    }
}

static int run(size_t cap)
{
    c = rc_chan_make(sizeof(int), cap);
    for (int id = 0; id < NSEND; id++)
        rc_go_copy(seq_sender, &id, sizeof id);
    int next[NSEND] = { 0 };
    long sum = 0;
    for (int i = 0; i < NSEND * NVAL; i++) {
        int v;
        rc_chan_recv(c, &v);
        int id = v / NVAL, k = v % NVAL;
        if (id < 0 || id >= NSEND || k != next[id]) {
            printf("FAIL cap %zu: got %d from sender %d, expected %d\n", cap, k, id,
                   id >= 0 && id < NSEND ? next[id] : -1);
            return 1;
        }
        next[id]++;
        sum += v;
    }
    long n = (long)NSEND * NVAL;
    if (sum != n * (n - 1) / 2 || rc_chan_len(c) != 0) {
        printf("FAIL cap %zu: sum %ld\n", cap, sum);
        return 1;
    }
    printf("cap %zu: %d senders x %d values in order, sum ok\n", cap, NSEND, NVAL);
    rc_chan_release(c);
    return 0;
}

int main(void)
{
    size_t caps[] = { 0, 1, 3, 64 };
    for (int i = 0; i < 4; i++)
        if (run(caps[i]))
            return 1;
    return 0;
}
