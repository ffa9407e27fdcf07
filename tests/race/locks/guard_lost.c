// The gate lock of guard_lock.c, but one goroutine takes B then A without it: now the
// two orders can meet. Verdict: LOCK ORDER, found when the unguarded edge appears.
// EXIT: 66
// STDERR: WARNING: LOCK ORDER INVERSION (potential deadlock)
// STDERR-ANY: {{FILE}}:{{LINE:ab}}
// STDERR-ANY: {{FILE}}:{{LINE:ba}}
// STDERR: Found 1 lock-order inversion(s)
// STDERR-COUNT: 1 WARNING: LOCK ORDER
#include <racecheck.h>
#include <stdio.h>

rc_mutex g, a, b;
int x;

int main(void)
{
    rc_mutex_lock(&g);
    rc_mutex_lock(&a);
    rc_mutex_lock(&b); // @ab
    x++;
    rc_mutex_unlock(&b);
    rc_mutex_unlock(&a);
    rc_mutex_unlock(&g);
    rc_mutex_lock(&g);
    rc_mutex_lock(&b);
    rc_mutex_lock(&a);
    x++;
    rc_mutex_unlock(&a);
    rc_mutex_unlock(&b);
    rc_mutex_unlock(&g);
    rc_mutex_lock(&b);
    rc_mutex_lock(&a); // @ba
    x++;
    rc_mutex_unlock(&a);
    rc_mutex_unlock(&b);
    printf("%d\n", x);
    return 0;
}
