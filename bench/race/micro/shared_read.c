/* shared_read.c: two goroutines each read one shared global and write their own
 * counter N times, with no synchronisation in between (a read-mostly setting read in a
 * hot loop). Measures what the shadow of a word that both CPUs read costs when every
 * read stores its cell again (the line moves between the CPUs) against when an
 * unpublished older cell stands for the new read (docs/BENCH-RACE.md, session 16).
 * A micro-benchmark of the detector alone, no peers. Build (loop coalescing off, or
 * the pass checks both accesses once before the loop):
 *
 *   RACECHECK_COALESCE_LOOPS=0 clang -O2 -g -fpass-plugin=build-rbench/pass/libracecheck_pass.so \
 *       -I rt/include bench/race/micro/shared_read.c build-rbench/rt/libracecheck_race.a \
 *       -lunwind -lpthread -ldl -o shared_read
 */
#include "../rb.h"
#include "racecheck.h"

long cfg = 3;       /* set by main, then only read */
long out[2 * 8];    /* each worker's counter, a line apart */
static long long n;
static rc_waitgroup wg;

static void worker(void *arg)
{
    long *o = &out[(long)arg * 8];
    for (long long i = 0; i < n; i++) {
        long c = cfg;
        __asm__ volatile("" ::: "memory"); /* one read and one write per iteration */
        *o = c + i;
        __asm__ volatile("" ::: "memory");
    }
    rc_waitgroup_done(&wg);
}

int main(int argc, char **argv)
{
    n = rb_n(argc, argv, 5000000);
    cfg = argc;
    int64_t t0 = rb_now();
    rc_waitgroup_add(&wg, 2);
    rc_go(worker, (void *)0);
    rc_go(worker, (void *)1);
    rc_waitgroup_wait(&wg);
    rb_result("shared_read", rb_now() - t0, 2 * n);
    return (int)(out[0] + out[8]) & 1;
}
