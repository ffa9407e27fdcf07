// Unlock by a goroutine other than the locker is legal (as in Go), and wakes a
// goroutine blocked in Lock.
// STDOUT: main locked
// STDOUT: helper unlocking
// STDOUT: main relocked
#include <racecheck.h>
#include <stdio.h>

static rc_mutex mu;

static void helper(void *arg)
{
    for (int i = 0; i < 50; i++)
        rc_yield(); /* let main block in its second Lock */
    printf("helper unlocking\n");
    rc_mutex_unlock(&mu);
}

int main(void)
{
    rc_mutex_lock(&mu);
    printf("main locked\n");
    rc_go(helper, NULL);
    rc_mutex_lock(&mu); /* released only by helper */
    printf("main relocked\n");
    rc_mutex_unlock(&mu);
    return 0;
}
