// P1, the run that does not hang: Transfer(a, b), then Transfer(b, a), one after the
// other. Nothing blocks, but the two orders can deadlock when the transfers run at
// the same time. Verdict: LOCK ORDER, with the stacks of both acquisitions of each
// edge; no deadlock report.
// EXIT: 66
// STDERR: WARNING: LOCK ORDER INVERSION (potential deadlock)
// STDERR: Cycle in lock order graph: M1 (0x
// STDERR: Mutex M2 acquired here while holding mutex M1 by main goroutine:
// STDERR: transfer(
// STDERR: {{FILE}}:{{LINE:second}}
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:ba}}
// STDERR: Mutex M1 previously acquired by the same goroutine here:
// STDERR: transfer(
// STDERR: {{FILE}}:{{LINE:first}}
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:ba}}
// STDERR: Mutex M1 acquired here while holding mutex M2 by main goroutine:
// STDERR: transfer(
// STDERR: {{FILE}}:{{LINE:second}}
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:ab}}
// STDERR: Mutex M2 previously acquired by the same goroutine here:
// STDERR: {{FILE}}:{{LINE:first}}
// STDERR: Mutex M1 is global 'b' at 0x
// STDERR: Mutex M2 is global 'a' at 0x
// STDERR: Found 1 lock-order inversion(s)
// STDERR-NOT: WARNING: DEADLOCK
// STDERR-COUNT: 1 WARNING: LOCK ORDER
#include <racecheck.h>
#include <stdio.h>

typedef struct { rc_mutex mu; int balance; } account;

account a = { .balance = 100 }, b = { .balance = 100 };

static void transfer(account *from, account *to, int amount)
{
    rc_mutex_lock(&from->mu); // @first
    rc_mutex_lock(&to->mu); // @second
    from->balance -= amount;
    to->balance += amount;
    rc_mutex_unlock(&to->mu);
    rc_mutex_unlock(&from->mu);
}

int main(void)
{
    transfer(&a, &b, 10); // @ab
    transfer(&b, &a, 20); // @ba
    printf("%d %d\n", a.balance, b.balance);
    return 0;
}
