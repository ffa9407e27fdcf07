// P1: Transfer(a, b) and Transfer(b, a) lock the two accounts in opposite orders while a
// third goroutine keeps working. Earlier transfers used both locks normally; then the
// two transfers each take their first lock (channels make the interleaving certain)
// and wait for the other's. Verdict: LOCK ORDER (the second wait closes a cycle in the
// lock order graph) and PARTIAL DEADLOCK at once, while the worker still runs; the two
// stuck goroutines are not reported again as leaks at exit.
// EXIT: 66
// STDERR: WARNING: LOCK ORDER INVERSION (potential deadlock)
// STDERR: Cycle in lock order graph: M1 (0x
// STDERR-ANY: acquired here while holding mutex
// STDERR-ANY: previously acquired by the same goroutine here:
// STDERR: WARNING: DEADLOCK
// STDERR: 2 goroutines wait for each other forever: goroutine 2 => M1 => goroutine 3 => M2 => goroutine 2
// STDERR: Goroutine 2 waits in sync.Mutex.Lock for M1, held by goroutine 3:
// STDERR: transfer(
// STDERR: {{FILE}}:{{LINE:second}}
// STDERR: Goroutine 3 acquired M1 here:
// STDERR: transfer(
// STDERR: {{FILE}}:{{LINE:first}}
// STDERR: Goroutine 3 waits in sync.Mutex.Lock for M2, held by goroutine 2:
// STDERR: {{FILE}}:{{LINE:second}}
// STDERR: Goroutine 2 acquired M2 here:
// STDERR: {{FILE}}:{{LINE:first}}
// STDERR: Goroutine 2 (blocked) created at:
// STDERR: {{FILE}}:{{LINE:go}}
// STDERR: Mutex M1 is
// STDOUT: worker done
// STDERR: Found 1 deadlock(s)
// STDERR: Found 1 lock-order inversion(s)
// STDERR-NOT: GOROUTINE LEAK
// STDERR-NOT: DATA RACE
// STDERR-COUNT: 1 WARNING: DEADLOCK
#include <racecheck.h>
#include <stdio.h>

typedef struct { rc_mutex mu; int balance; } account;

static account acct[2] = { { .balance = 100 }, { .balance = 100 } };
static rc_chan *holding, *go_on;

static void transfer(account *from, account *to, int amount, bool meet)
{
    rc_mutex_lock(&from->mu); // @first
    if (meet) { /* both hold their first lock before either takes its second */
        rc_chan_send(holding, NULL);
        rc_chan_recv(go_on, NULL);
    }
    rc_mutex_lock(&to->mu); // @second
    from->balance -= amount;
    to->balance += amount;
    rc_mutex_unlock(&to->mu);
    rc_mutex_unlock(&from->mu);
}

static void teller(void *arg)
{
    int me = *(int *)arg;
    transfer(&acct[me], &acct[1 - me], 10, true);
}

static void worker(void *arg)
{
    rc_chan *done = arg;
    long sum = 0;
    for (int i = 0; i < 100000; i++) {
        sum += i;
        if (i % 1000 == 0)
            rc_yield();
    }
    printf("worker done %ld\n", sum);
    rc_chan_send(done, NULL);
}

int main(void)
{
    transfer(&acct[0], &acct[1], 1, false); /* ordinary use first */
    holding = rc_chan_make(0, 0);
    go_on = rc_chan_make(0, 0);
    for (int i = 0; i < 2; i++)
        rc_go_copy(teller, &i, sizeof i); // @go
    rc_chan_recv(holding, NULL);
    rc_chan_recv(holding, NULL);
    rc_chan_close(go_on);
    rc_chan *done = rc_chan_make(0, 0);
    rc_go(worker, done);
    rc_chan_recv(done, NULL);
    return 0;
}
