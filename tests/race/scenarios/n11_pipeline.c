// N11: fan-out / fan-in with close propagation: a generator, 3 square workers that
// each also count their items in a plain slot, a merger that closes out after the
// workers are done, and main, which reads the counts after its range over out ends.
// Each slot write -> Done -> Wait -> close(out) -> main's final receive.
// STDOUT: sum=338350 items=100
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
// STDERR-NOT: fatal error
#include <racecheck.h>
#include <stdio.h>

#define NW 3

static rc_chan *nums, *out;
static int processed[NW];
static rc_waitgroup wg;

static void gen(void *arg)
{
    (void)arg;
    for (int i = 1; i <= 100; i++)
        rc_chan_send(nums, &i);
    rc_chan_close(nums);
}

static void square(void *arg)
{
    int id = *(int *)arg, v;
    while (rc_chan_recv(nums, &v)) {
        int sq = v * v;
        rc_chan_send(out, &sq);
        processed[id]++;
    }
    rc_waitgroup_done(&wg);
}

static void closer(void *arg)
{
    (void)arg;
    rc_waitgroup_wait(&wg);
    rc_chan_close(out);
}

int main(void)
{
    nums = rc_chan_make(sizeof(int), 0);
    out = rc_chan_make(sizeof(int), 4);
    rc_go(gen, NULL);
    for (int i = 0; i < NW; i++) {
        rc_waitgroup_add(&wg, 1);
        rc_go_copy(square, &i, sizeof i);
    }
    rc_go(closer, NULL);
    long sum = 0;
    int v;
    while (rc_chan_recv(out, &v))
        sum += v;
    int items = 0;
    for (int i = 0; i < NW; i++)
        items += processed[i];
    printf("sum=%ld items=%d\n", sum, items);
    return 0;
}
