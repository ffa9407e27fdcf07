/*
 * ok_transfer.c: the fixed lock_preempt.c: every transfer locks the two accounts in
 * one global order (by id), so no schedule deadlocks and no lock order is inverted.
 * Explored for 200 schedules, it must produce no report.
 */
#include <racecheck.h>
#include <stdio.h>

typedef struct account {
    int      id;
    rc_mutex mu;
    long     balance;
} account;

static account a = { .id = 1, .balance = 100 }, b = { .id = 2, .balance = 100 };
static rc_waitgroup wg;

static void transfer(account *from, account *to, long amount)
{
    account *first = from->id < to->id ? from : to, *second = first == from ? to : from;
    rc_mutex_lock(&first->mu);
    rc_mutex_lock(&second->mu);
    from->balance -= amount;
    to->balance += amount;
    rc_mutex_unlock(&second->mu);
    rc_mutex_unlock(&first->mu);
}

static void job(void *arg)
{
    (void)arg;
    transfer(&a, &b, 10);
    rc_waitgroup_done(&wg);
}

int main(void)
{
    rc_waitgroup_add(&wg, 2);
    rc_go(job, NULL);
    rc_go(job, NULL);
    transfer(&b, &a, 5);
    rc_waitgroup_wait(&wg);
    printf("a=%ld b=%ld\n", a.balance, b.balance);
    return 0;
}
