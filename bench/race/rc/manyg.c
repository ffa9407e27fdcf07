/* manyg.c: many goroutines alive at once: main starts N goroutines; each works on its
 * own RB_TASK_WORDS words, sends its result to main on an unbuffered channel, then
 * waits until main closes a quit channel (so all N are alive together). Reports ns
 * per goroutine. Mirrors: ../pthread/manyg.c (1000 threads), ../go/manyg.go. */
#include "../rb.h"
#include "racecheck.h"

static long long *data;
static rc_chan *results, *quit;
static rc_waitgroup wg;

static void task(void *arg)
{
    long long i = *(long long *)arg;
    long long r = rb_task(data + i * RB_TASK_WORDS, i);
    rc_chan_send(results, &r);
    rc_chan_recv(quit, NULL);
    rc_waitgroup_done(&wg);
}

int main(int argc, char **argv)
{
    long long n = rb_n(argc, argv, 100000);
    data = malloc(n * RB_TASK_WORDS * sizeof *data);
    results = rc_chan_make(sizeof(long long), 0);
    quit = rc_chan_make(sizeof(int), 0);
    int64_t t0 = rb_now();
    rc_waitgroup_add(&wg, (int)n);
    for (long long i = 0; i < n; i++)
        rc_go_copy(task, &i, sizeof i);
    long long r, sum = 0;
    for (long long i = 0; i < n; i++) {
        rc_chan_recv(results, &r);
        sum += r;
    }
    rc_chan_close(quit);
    rc_waitgroup_wait(&wg);
    rb_result("manyg", rb_now() - t0, n);
    fprintf(stderr, "manyg: sum %lld\n", sum);
    return 0;
}
