// N12: a table written fully before any goroutine starts, then only read concurrently
// by 8 goroutines (each writes only its own result slot).
// STDOUT: total=261120
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
// STDERR-NOT: fatal error
#include <racecheck.h>
#include <stdio.h>

#define N 256
#define NG 8

static int table[N];
static int results[NG];
static rc_waitgroup wg;

static void reader(void *arg)
{
    int id = *(int *)arg, s = 0;
    for (int r = 0; r < 10; r++)
        for (int i = 0; i < N; i++)
            s += table[(i + id) % N];
    results[id] = s / 10;
    rc_waitgroup_done(&wg);
}

int main(void)
{
    for (int i = 0; i < N; i++)
        table[i] = i;
    for (int i = 0; i < NG; i++) {
        rc_waitgroup_add(&wg, 1);
        rc_go_copy(reader, &i, sizeof i);
    }
    rc_waitgroup_wait(&wg);
    int total = 0;
    for (int i = 0; i < NG; i++)
        total += results[i];
    printf("total=%d\n", total);
    return 0;
}
