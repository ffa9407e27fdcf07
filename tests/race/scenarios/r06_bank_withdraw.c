// R6: bank account Withdraw: if (balance >= amt) balance -= amt; from two goroutines.
// The relaxed `step` makes the first withdrawal finish before the second starts (it
// orders nothing), so the second one's check reads the first one's unordered write.
// EXIT: 66
// STDERR-COUNT: 1 WARNING: DATA RACE
// STDERR: Read at 0x
// STDERR: withdraw()
// STDERR: {{FILE}}:{{LINE:check}}
// STDERR: Previous write at 0x
// STDERR: withdraw()
// STDERR: {{FILE}}:{{LINE:sub}}
// STDOUT: balance=40
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>

static int balance = 100;
static atomic_int step; /* relaxed: orders nothing */
static rc_waitgroup wg;

static __attribute__((noinline)) bool withdraw(int amt)
{
    if (balance >= amt) { // @check
        balance -= amt; // @sub
        return true;
    }
    return false;
}

static void first(void *arg)
{
    (void)arg;
    withdraw(60);
    atomic_store_explicit(&step, 1, memory_order_relaxed);
    rc_waitgroup_done(&wg);
}

static void second(void *arg)
{
    (void)arg;
    while (atomic_load_explicit(&step, memory_order_relaxed) < 1)
        rc_yield();
    withdraw(60);
    rc_waitgroup_done(&wg);
}

int main(void)
{
    rc_waitgroup_add(&wg, 2);
    rc_go(first, NULL);
    rc_go(second, NULL);
    rc_waitgroup_wait(&wg);
    printf("balance=%d\n", balance);
    return 0;
}
