/*
 * cliprog.c: the program the tests/cli/ tests run under racecheck, built with the pass.
 * argv[1] picks what it does (each race is between two goroutines that nothing
 * orders, so the detector finds it on every run, whatever the interleaving):
 *   clean            prints "clean", exits 0        exit3      exits 3, no report
 *   race             one race (race_store on race_a)
 *   two              race, plus another (other_store on race_b)
 *   race-exit3       race, then exit status 3
 *   leak             a goroutine blocked forever in leaky_wait (chan receive)
 *   kill             race, then SIGKILL to itself
 *   fork             race; then a forked child execs "cliprog other" and is waited for
 *   exec             race; then execs "cliprog other" (same pid)
 *   other            the other race only
 *   goexit           race; then a goroutine calls exit(0) while main still waits
 *   hang             sleeps forever (timers pending: no deadlock)
 *   asleep           main blocks on a channel nobody sends to: all goroutines asleep
 *   noise            writes fake reports to its stderr and stdout, closes both, races
 *   procs            prints "procs=N", N its number of processors
 *   garbage          writes into racecheck's channel itself (RCRACE log_path): a line
 *                    that is not JSON, then half a report without its newline
 *   alternate        races when /tmp/rc-cliprog-alt.<parent pid> does not exist and
 *                    creates it, else removes it (under --repeat 2: one run of two)
 *   sched            prints "RCSCHED=<its value>" (or "RCSCHED unset") and "aslr=on" or
 *                    "aslr=off" (the ADDR_NO_RANDOMIZE personality flag)
 *   oddseed          races when RCSCHED is an odd number, else does nothing
 *   panic            panics ("cliprog: boom") in a goroutine main waits for
 * Its directory is mapped to /src in the debug info (tests/CMakeLists.txt), so reports
 * name /src/cliprog.c and /src/sites.c on every machine.
 */
#include <racecheck.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/wait.h>
#include <unistd.h>

void race_store(int v);   /* sites.c: the lines tests assert */
void other_store(int v);
void leaky_wait(void *arg);

static rc_waitgroup wg;

static void store_a(void *arg) { race_store((int)(long)arg); rc_waitgroup_done(&wg); }
static void store_b(void *arg) { other_store((int)(long)arg); rc_waitgroup_done(&wg); }

/* Two goroutines storing with nothing between them: a race, reported before this returns. */
static void two_stores(rc_func fn)
{
    rc_waitgroup_add(&wg, 2);
    rc_go(fn, (void *)1L);
    rc_go(fn, (void *)2L);
    rc_waitgroup_wait(&wg);
}

static void panicker(void *arg)
{
    (void)arg;
    rc_panic("cliprog: boom");
}

static void exiter(void *arg)
{
    (void)arg;
    exit(0);
}

static void reexec(const char *self)
{
    execl(self, self, "other", (char *)NULL);
    perror("exec");
    _exit(1);
}

int main(int argc, char **argv)
{
    const char *m = argc > 1 ? argv[1] : "clean";
    if (!strcmp(m, "clean")) {
        printf("clean\n");
        return 0;
    }
    if (!strcmp(m, "exit3"))
        return 3;
    if (!strcmp(m, "garbage")) {
        const char *lp = strstr(getenv("RCRACE") ? getenv("RCRACE") : "", "log_path=");
        char path[4200];
        snprintf(path, sizeof path, "%.*s.%d", lp ? (int)strcspn(lp + 9, " ") : 0,
                 lp ? lp + 9 : "", (int)getpid());
        FILE *f = fopen(path, "a");
        if (f) {
            fprintf(f, "not json\n{\"schema\":\"racecheck-report/1\",\"kind\":\"data-ra");
            fclose(f);
        }
        return 0;
    }
    if (!strcmp(m, "procs")) {
        printf("procs=%d\n", rc_maxprocs(0));
        return 0;
    }
    if (!strcmp(m, "sched")) {
        const char *s = getenv("RCSCHED");
        if (s)
            printf("RCSCHED=%s\n", s);
        else
            printf("RCSCHED unset\n");
        printf("aslr=%s\n", personality(0xffffffff) & ADDR_NO_RANDOMIZE ? "off" : "on");
        return 0;
    }
    if (!strcmp(m, "oddseed")) {
        const char *s = getenv("RCSCHED");
        if (s && strtoull(s, NULL, 0) % 2 == 1)
            two_stores(store_a);
        return 0;
    }
    if (!strcmp(m, "panic")) {
        rc_waitgroup_add(&wg, 1);
        rc_go(panicker, NULL);
        rc_waitgroup_wait(&wg);
        return 0;
    }
    if (!strcmp(m, "alternate")) {
        char path[64];
        snprintf(path, sizeof path, "/tmp/rc-cliprog-alt.%d", (int)getppid());
        if (unlink(path) == 0)
            return 0;
        fclose(fopen(path, "w"));
        two_stores(store_a);
        return 0;
    }
    if (!strcmp(m, "other")) {
        two_stores(store_b);
        return 0;
    }
    if (!strcmp(m, "hang"))
        for (;;) /* a minute per sleep: a 1 s --timeout never meets a wake-up */
            rc_sleep(60 * RC_SECOND);
    if (!strcmp(m, "asleep")) {
        int v;
        rc_chan_recv(rc_chan_make(sizeof v, 0), &v);
        return 0;
    }
    if (!strcmp(m, "leak")) {
        rc_go(leaky_wait, rc_chan_make(sizeof(int), 0));
        rc_sleep(10 * RC_MILLISECOND);
        return 0;
    }
    if (!strcmp(m, "noise")) {
        fprintf(stderr, "==================\nWARNING: DATA RACE\nfake\n==================\n");
        printf("{\"schema\":\"racecheck-report/1\",\"kind\":\"data-race\",\"key\":\"fake\"}\n");
        fflush(NULL);
        close(1);
        close(2);
        two_stores(store_a);
        return 0;
    }
    two_stores(store_a);
    if (!strcmp(m, "two"))
        two_stores(store_b);
    else if (!strcmp(m, "race-exit3"))
        return 3;
    else if (!strcmp(m, "kill"))
        kill(getpid(), SIGKILL);
    else if (!strcmp(m, "exec"))
        reexec(argv[0]);
    else if (!strcmp(m, "goexit")) {
        rc_go(exiter, NULL);
        for (;;)
            rc_sleep(RC_SECOND);
    } else if (!strcmp(m, "fork")) {
        fflush(NULL);
        pid_t pid = fork();
        if (pid == 0)
            reexec(argv[0]);
        int st;
        waitpid(pid, &st, 0);
    }
    return 0;
}
