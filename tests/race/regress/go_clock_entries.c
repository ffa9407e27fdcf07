// The go statement orders everything its creator knows before the child, however
// many goroutines that is. Round k: main waits for k workers (a WaitGroup), then
// starts a reader of what they wrote: no race. Main's clock grows by every goroutine
// it waits for (each has a slot of its own), so the first rounds' readers start with
// a clock of at most 8 entries, which the go statement hands over in a record
// (race.c "birth record"), and the later ones with more, in a state main makes: both
// are crossed here. A write main never waited for (a "late" goroutine of round 2,
// and of the last round) races with that round's reader's read of it.
// EXIT: 66
// STDERR-ANY: {{FILE}}:{{LINE:small}}
// STDERR-ANY: {{FILE}}:{{LINE:large}}
// STDERR-COUNT: 2 WARNING: DATA RACE
// STDERR-COUNT: 2 {{FILE}}:{{LINE:late}}
// STDERR-NOT: {{FILE}}:{{LINE:read}}
// STDERR: Found 2 data race(s)
#include <racecheck.h>

#include <stdatomic.h>

#define ROUNDS 20

long x[ROUNDS], late_x[2], sum; /* not static: -O2 keeps the stores */
static rc_waitgroup wg;
static rc_chan *done;
static atomic_int late_written; /* relaxed: no edge */

static void worker(void *arg)
{
    x[*(int *)arg] = 1;
    rc_waitgroup_done(&wg);
}

static void late(void *arg)
{
    late_x[*(int *)arg] = 1; // @late
    atomic_store_explicit(&late_written, 1, memory_order_relaxed);
}

/* (two functions: -O2 would merge the two reads into one site) */
__attribute__((noinline)) static void read_small(void)
{
    sum += late_x[0]; // @small
}

__attribute__((noinline)) static void read_large(void)
{
    sum += late_x[1]; // @large
}

static void reader(void *arg)
{
    int round = *(int *)arg;
    for (int i = 0; i < round; i++)
        sum += x[i]; // @read
    if (round == 2)
        read_small();
    if (round == ROUNDS)
        read_large();
    rc_chan_send(done, &round);
}

int main(void)
{
    done = rc_chan_make(sizeof(int), 0);
    for (int round = 1; round <= ROUNDS; round++) {
        if (round == 2 || round == ROUNDS) {
            int which = round == ROUNDS;
            atomic_store_explicit(&late_written, 0, memory_order_relaxed);
            rc_go_copy(late, &which, sizeof which);
            while (!atomic_load_explicit(&late_written, memory_order_relaxed))
                rc_yield();
        }
        rc_waitgroup_add(&wg, round);
        for (int i = 0; i < round; i++)
            rc_go_copy(worker, &i, sizeof i);
        rc_waitgroup_wait(&wg);
        rc_go_copy(reader, &round, sizeof round);
        int v;
        rc_chan_recv(done, &v);
        for (int i = 0; i < round; i++)
            x[i] = 0;
    }
    return 0;
}
