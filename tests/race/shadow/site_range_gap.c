/* Two goroutines fill alternate ints of one array, each with an unrolled loop of
 * stride 2: one goroutine's stores share a line but leave gaps, so they are not
 * merged into one range (pass/SiteChecks.h): a range over the gaps would claim the
 * other goroutine's bytes and report a race that is not there. */
// EXIT: 0
// STDERR-NOT: DATA RACE
// STDOUT: sum 28
#include <racecheck.h>
#include <stdio.h>

int cells[8]; /* not static: globalopt would delete stores to a global nobody reads */
static rc_waitgroup wg;

/* p[0], p[2], p[4], p[6]: constant offsets from one pointer, on one line */
__attribute__((noinline)) static void fill_alternate(int *p, int first)
{
#pragma clang loop unroll(full)
    for (int i = 0; i < 8; i += 2)
        p[i] = first + i;
}

static void filler(void *arg)
{
    int first = (int)(long)arg;
    fill_alternate(cells + first, first);
    rc_waitgroup_done(&wg);
}

int main(void)
{
    rc_waitgroup_add(&wg, 2);
    rc_go(filler, (void *)0L);
    rc_go(filler, (void *)1L);
    rc_waitgroup_wait(&wg);
    int sum = 0;
    for (int i = 0; i < 8; i++)
        sum += cells[i];
    printf("sum %d\n", sum);
    return 0;
}
