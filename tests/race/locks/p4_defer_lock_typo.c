// P4: the "fixed" Transfer takes the two locks in address order, but where it meant to
// unlock `from` at the end it locks it again (Go: `defer from.Lock()`). Verdict:
// PARTIAL DEADLOCK (self) at that Lock, with the stack that took the lock; a second
// transfer on the same accounts then waits behind the stuck one (it is not part of a
// cycle: it waits for a goroutine that waits for itself) and leaks.
// EXIT: 66
// STDERR: WARNING: DEADLOCK
// STDERR: Goroutine 2 waits forever in sync.Mutex.Lock for M1, which it holds itself:
// STDERR: transfer(
// STDERR: {{FILE}}:{{LINE:typo}}
// STDERR: M1 acquired here:
// STDERR: transfer(
// STDERR: {{FILE}}:{{LINE:take}}
// STDERR: teller(
// STDERR-NOT: LOCK ORDER
// STDERR: WARNING: GOROUTINE LEAK
// STDERR: Goroutine 3 blocked forever in sync.Mutex.Lock:
// STDERR: Found 1 leaked goroutine(s)
// STDERR: Found 1 deadlock(s)
#include <racecheck.h>
#include <stdint.h>
#include <stdio.h>

typedef struct { rc_mutex mu; int balance; } account;

account accounts[2] = { { .balance = 100 }, { .balance = 100 } };

static void transfer(account *from, account *to, int amount)
{
    account *lo = (uintptr_t)from < (uintptr_t)to ? from : to;
    account *hi = lo == from ? to : from;
    rc_mutex_lock(&lo->mu); // @take
    rc_mutex_lock(&hi->mu);
    from->balance -= amount;
    to->balance += amount;
    rc_mutex_unlock(&to->mu);
    rc_mutex_lock(&from->mu); /* meant: rc_mutex_unlock */ // @typo
}

static void teller(void *arg)
{
    rc_chan *started = arg;
    rc_chan_send(started, NULL);
    transfer(&accounts[0], &accounts[1], 10);
}

int main(void)
{
    rc_mutex_lock(&accounts[0].mu); /* the accounts have been used as locks before */
    rc_mutex_unlock(&accounts[0].mu);
    rc_mutex_lock(&accounts[1].mu);
    rc_mutex_unlock(&accounts[1].mu);
    rc_chan *started = rc_chan_make(0, 0);
    rc_go(teller, started);
    rc_chan_recv(started, NULL);
    while (rc_mutex_trylock(&accounts[0].mu)) { /* until the first teller holds it */
        rc_mutex_unlock(&accounts[0].mu);
        rc_yield();
    }
    rc_go(teller, started);
    rc_chan_recv(started, NULL);
    for (int i = 0; i < 3; i++)
        rc_sleep(10 * 1000 * 1000);
    printf("main done\n");
    return 0;
}
