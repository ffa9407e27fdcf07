// Same binary, same input, same RCSCHED: the same schedule, byte for byte. The program
// runs itself (argv[1] = "work") under 8 seeds, twice each, and compares the two
// standard outputs (every event in order, with goroutine ids, select choices and virtual
// times). Different seeds must give different schedules (else the seed did nothing).
// STDOUT: 8 seeds, each replayed identically
// STDOUT: schedules differ between seeds: yes
#include <racecheck.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- the workload: channels, select, a mutex, a WaitGroup, sleeps ---------------- */

static rc_mutex mu;
static rc_waitgroup wg;
static rc_chan *a, *b, *quit;
static char log_[8192];
static size_t used;

static void note(const char *what, long v)
{
    rc_mutex_lock(&mu);
    used += (size_t)snprintf(log_ + used, sizeof log_ - used, "g%lld %s %ld t=%lld\n",
                             (long long)rc_goid(), what, v, (long long)(rc_now() % 100000000000LL));
    rc_mutex_unlock(&mu);
}

static void producer(void *arg)
{
    long id = (long)arg;
    for (long i = 0; i < 4; i++) {
        long v = id * 10 + i;
        rc_chan_send(id % 2 ? a : b, &v);
        note("sent", v);
        if (i == 2)
            rc_sleep(1000000 * (id + 1));
    }
    rc_waitgroup_done(&wg);
}

static void consumer(void *arg)
{
    for (;;) {
        long v;
        rc_case cs[3] = { rc_recv_case(a, &v), rc_recv_case(b, &v), rc_recv_case(quit, NULL) };
        int i = rc_select(cs, 3);
        if (i == 2)
            break;
        note(i ? "got b" : "got a", v);
    }
}

static int work(void)
{
    a = rc_chan_make(sizeof(long), 1);
    b = rc_chan_make(sizeof(long), 0);
    quit = rc_chan_make(0, 0);
    rc_waitgroup_add(&wg, 4);
    for (long i = 1; i <= 4; i++)
        rc_go(producer, (void *)i);
    rc_go(consumer, NULL);
    rc_go(consumer, NULL);
    rc_waitgroup_wait(&wg); /* the producers (4 of them) */
    rc_chan_close(quit);
    rc_sleep(1);
    fputs(log_, stdout);
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
        /* stdout only: under AddressSanitizer, stderr carries its warnings, whose
         * addresses differ from run to run */
        dup2(p[1], 1);
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
        return work();
    int same = 0, differ = 0;
    char *first = NULL;
    size_t first_len = 0;
    for (unsigned seed = 100; seed < 108; seed++) {
        size_t n1, n2;
        char *o1 = run(argv[0], seed, &n1), *o2 = run(argv[0], seed, &n2);
        if (n1 == n2 && !memcmp(o1, o2, n1) && n1 > 0)
            same++;
        else
            printf("seed %u: two runs differ:\n%.*s\n---\n%.*s\n", seed, (int)n1, o1, (int)n2, o2);
        if (!first) {
            first = o1;
            first_len = n1;
        } else {
            differ |= n1 != first_len || memcmp(o1, first, n1);
            free(o1);
        }
        free(o2);
    }
    printf("%d seeds, each replayed %s\n", same, same == 8 ? "identically" : "DIFFERENTLY");
    printf("schedules differ between seeds: %s\n", differ ? "yes" : "no");
    return 0;
}
