/* The same range write of a fresh block as fresh_run_race, ordered before main's
 * reads by a WaitGroup: the words stored four at a time carry the writer's epoch, so
 * main's clock covers them and nothing is reported. */
// EXIT: 0
// STDERR-NOT: WARNING: DATA RACE
#include <racecheck.h>
#include <stdlib.h>
#include <string.h>

#define WORDS 32

long *block; /* not static: the stores must stay */
static rc_waitgroup wg;
static volatile size_t len = WORDS * sizeof(long);
static volatile long sink;

static void writer(void *arg)
{
    (void)arg;
    memset(block, 1, len);
    rc_waitgroup_done(&wg);
}

int main(void)
{
    block = malloc(WORDS * sizeof(long));
    rc_waitgroup_add(&wg, 1);
    rc_go(writer, NULL);
    rc_waitgroup_wait(&wg);
    for (int i = 0; i < WORDS; i++)
        sink = block[i];
    free(block);
    return 0;
}
