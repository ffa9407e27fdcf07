/*
 * lock_preempt.c (issue 7, test b): a mutex deadlock that needs a preemption between
 * two Lock calls. A background job transfers from account a to b (locking a, then b);
 * main transfers from b to a (locking b, then a). Each takes both locks in a few
 * nanoseconds, so they deadlock only when one is preempted between its two Lock
 * calls while the other takes its first lock (the lock-order inversion itself is
 * reported in every run where both transfers happen; the deadlock is the rare part).
 *
 * Ordinary runs: main first loads its ledger (10 ms of I/O), by when the job is long
 * done: measured 0 deadlocks in 200 runs under racecheck (2 cores, load average
 * 1.6 to 2.7); without loading the ledger first, 6 in 200. Controlled runs: Lock is a
 * scheduling point.
 */
// Found by exploring (tests/explore/check.sh):
// EXPLORE-KIND: deadlock
// EXPLORE-TEXT: WARNING: DEADLOCK
// EXPLORE-SITE: {{LINE:second}}
#include <racecheck.h>
#include <stdio.h>
#include <time.h>

typedef struct account {
    rc_mutex mu;
    long     balance;
} account;

static account a = { .balance = 100 }, b = { .balance = 100 };
static rc_waitgroup wg;

static void transfer(account *from, account *to, long amount)
{
    rc_mutex_lock(&from->mu); // @first
    rc_mutex_lock(&to->mu);   // @second
    from->balance -= amount;
    to->balance += amount;
    rc_mutex_unlock(&to->mu);
    rc_mutex_unlock(&from->mu);
}

/* Stands for real I/O (a file read, a DNS lookup): a blocking system call that takes
 * real time, not a runtime sleep, so controlled runs do not skip it (virtual time) and
 * it is one step of the schedule, not millions (a loop of instrumented code would be). */
static void slow_io(int ms)
{
    struct timespec ts = { 0, ms * 1000000L };
    nanosleep(&ts, NULL);
}

static void job(void *arg)
{
    (void)arg;
    transfer(&a, &b, 10);
    rc_waitgroup_done(&wg);
}

int main(void)
{
    rc_waitgroup_add(&wg, 1);
    rc_go(job, NULL);
    slow_io(10); /* loads the ledger */
    transfer(&b, &a, 5);
    rc_waitgroup_wait(&wg);
    printf("a=%ld b=%ld\n", a.balance, b.balance);
    return 0;
}
