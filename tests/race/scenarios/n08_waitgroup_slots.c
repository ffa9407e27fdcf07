// N8: WaitGroup: goroutines fill one slot each of an array; main reads them all after
// Wait (every Done happens before Wait returns).
// STDOUT: sum=285 slot9=81
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
// STDERR-NOT: fatal error
#include <racecheck.h>
#include <stdio.h>

#define N 10

static int results[N];
static rc_waitgroup wg;

static void fill(void *arg)
{
    int i = *(int *)arg;
    results[i] = i * i;
    rc_waitgroup_done(&wg);
}

int main(void)
{
    for (int i = 0; i < N; i++) {
        rc_waitgroup_add(&wg, 1);
        rc_go_copy(fill, &i, sizeof i);
    }
    rc_waitgroup_wait(&wg);
    int sum = 0;
    for (int i = 0; i < N; i++)
        sum += results[i];
    printf("sum=%d slot9=%d\n", sum, results[9]);
    return 0;
}
