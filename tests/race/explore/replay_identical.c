// Replaying a seed reproduces the identical report: the program runs itself
// (argv[1] = "work") under 4 seeds, twice each, with address randomization off (as
// racecheck does for controlled runs), and compares everything it printed byte for
// byte: reports with their addresses, goroutine ids, stacks, and the program's own
// output.
// STDOUT: 4 seeds replayed identically, 4 with reports
#define _GNU_SOURCE /* memmem */
#include <racecheck.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- the workload: a race on a heap block, a leak, a mutex, a select ------------- */

static int *shared;
static rc_mutex mu;
static int counter;
static rc_chan *work, *never;

static void worker(void *arg)
{
    long id = (long)arg;
    for (;;) {
        int v;
        rc_case cs[2] = { rc_recv_case(work, &v), rc_recv_case(never, NULL) };
        if (rc_select(cs, 2) != 0 || !cs[0].ok)
            break;
        rc_mutex_lock(&mu);
        counter += v;
        rc_mutex_unlock(&mu);
        if (v == (int)id || v == 7) /* 7: whichever schedule, somebody writes */
            shared[0] = v; /* unsynchronised: races with main, maybe with other workers */
    }
    if (id == 3)
        rc_chan_send(never, NULL); /* nobody receives: leaks */
}

static int run_work(void)
{
    shared = calloc(4, sizeof *shared);
    work = rc_chan_make(sizeof(int), 2);
    never = rc_chan_make(0, 0);
    for (long i = 1; i <= 3; i++)
        rc_go(worker, (void *)i);
    for (int v = 0; v < 8; v++)
        rc_chan_send(work, &v);
    rc_chan_close(work);
    rc_sleep(1000000);
    rc_mutex_lock(&mu);
    printf("counter %d shared %d at %p\n", counter, shared[0], (void *)shared);
    rc_mutex_unlock(&mu);
    return 0;
}

/* ---- the driver ------------------------------------------------------------------ */

static char *run(const char *self, unsigned seed, size_t *len)
{
    int p[2];
    if (pipe(p) != 0)
        exit(1);
    pid_t pid = fork();
    if (pid == 0) {
        char s[32];
        snprintf(s, sizeof s, "%u", seed);
        setenv("RCSCHED", s, 1);
        personality(ADDR_NO_RANDOMIZE);
        dup2(p[1], 1);
        dup2(p[1], 2);
        execl(self, self, "work", (char *)NULL);
        _exit(127);
    }
    close(p[1]);
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    ssize_t r;
    while ((r = read(p[0], buf + n, cap - n)) > 0)
        if ((n += (size_t)r) == cap)
            buf = realloc(buf, cap *= 2);
    close(p[0]);
    int st;
    waitpid(pid, &st, 0);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "work"))
        return run_work();
    int same = 0, reports = 0;
    for (unsigned seed = 40; seed < 44; seed++) {
        size_t n1, n2;
        char *o1 = run(argv[0], seed, &n1), *o2 = run(argv[0], seed, &n2);
        if (n1 == n2 && !memcmp(o1, o2, n1))
            same++;
        else
            printf("seed %u: two runs differ:\n%.*s\n---\n%.*s\n", seed, (int)n1, o1, (int)n2, o2);
        reports += memmem(o1, n1, "WARNING: ", 9) != NULL;
        free(o1);
        free(o2);
    }
    printf("%d seeds replayed identically, %d with reports\n", same, reports);
    return 0;
}
