/*
 * run.c: running the program once. It gets stdin, stdout, stderr, argv and the
 * environment as they are, plus RCRACE naming the report channel (and racecheck's
 * own detector options) and RCMAXPROCS for --procs.
 *
 * The program runs in a process group of its own, so that --timeout can kill it with
 * everything it started; when racecheck owns the terminal, the program's group gets
 * it (as a shell gives it to a foreground job) and gets it back after a stop (^Z).
 * Signals that ask racecheck to stop (INT, TERM, HUP, QUIT) are passed on to that
 * group; racecheck itself keeps going until the program is gone, and shows what it
 * reported. Controlled runs (--explore, --seed) get RCSCHED=<seed> and run with
 * address randomisation off, so that a replay prints the same addresses; under
 * --explore the program's stdin, stdout and stderr are /dev/null (each schedule must
 * read the same input, and a thousand runs' output would bury the reports: what the
 * program printed as a report, racecheck shows). racecheck is a child subreaper: processes the program forked and left
 * behind become racecheck's, and are waited for a moment so that their last reports
 * are not lost.
 */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define POLL_MS        50    /* how often the channel is read while the program runs */
#define KILL_GRACE_MS  5000  /* after --timeout, before racecheck kills the program */
#define ORPHAN_WAIT_MS 2000  /* for processes the program left behind */

extern char **environ;

static int wake[2] = { -1, -1 };     /* the self-pipe SIGCHLD and forwarded signals write */
static volatile sig_atomic_t child_pgid, forward_sig;

static void on_signal(int sig)
{
    int e = errno;
    if (sig != SIGCHLD) {
        forward_sig = sig;
        if (child_pgid > 0)
            kill(-child_pgid, sig);
    }
    char b = 0;
    (void)!write(wake[1], &b, 1);
    errno = e;
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* ---- the environment ------------------------------------------------------------ */

char *run_rcrace(const char *prefix)
{
    const char *user = getenv("RCRACE");
    char *mine = NULL;
    if (user) { /* keys racecheck owns: the channel */
        char *copy = strdup(user), *save = NULL;
        for (char *kv = strtok_r(copy, " ", &save); kv; kv = strtok_r(NULL, " ", &save))
            if (!strncmp(kv, "log_path=", 9) || !strncmp(kv, "format=", 7)) {
                fprintf(stderr, "racecheck: RCRACE %.*s: racecheck collects reports itself; "
                        "use --format and -o instead\n", (int)strcspn(kv, "="), kv);
                free(copy);
                return NULL;
            }
        free(copy);
    }
    /* exitcode=0: the program exits with its own status; racecheck decides the rest */
    if (asprintf(&mine, "%s%sformat=json log_path=%s exitcode=0%s%s%s%s%s", user ? user : "",
                 user && *user ? " " : "", prefix, opt.halt_on_error ? " halt_on_error=1" : "",
                 opt.strip_prefix ? " strip_path_prefix=" : "",
                 opt.strip_prefix ? opt.strip_prefix : "", opt.timeout ? " timeout=" : "",
                 opt.timeout ? opt.timeout : "") < 0)
        return NULL;
    return mine;
}

/* ---- the terminal --------------------------------------------------------------- */

static bool own_tty; /* racecheck was the terminal's foreground group */

static void give_tty(pid_t pgid)
{
    if (!own_tty)
        return;
    void (*old)(int) = signal(SIGTTOU, SIG_IGN); /* we may be in the background now */
    tcsetpgrp(STDIN_FILENO, pgid);
    signal(SIGTTOU, old);
}

/* ---- running -------------------------------------------------------------------- */

/* " in the schedule of seed S (replay: racecheck --seed S ./prog)" under --explore. */
static const char *seed_note(void)
{
    static char buf[8192];
    if (!opt.explore)
        return "";
    char cmd[8000];
    replay_command(opt.seed, cmd, sizeof cmd);
    snprintf(buf, sizeof buf, " in the schedule of seed %llu (replay: %s)", opt.seed, cmd);
    return buf;
}

/* RCSCHED, no address randomisation, and under --explore no terminal I/O. Returns
 * where a failed exec is to be said. */
static int controlled_child(void)
{
    char seed[32];
    snprintf(seed, sizeof seed, "%llu", opt.seed);
    setenv("RCSCHED", seed, 1);
    int p = personality(0xffffffff);
    if ((p == -1 || personality((unsigned long)p | ADDR_NO_RANDOMIZE) == -1) && run_no == 1)
        fprintf(stderr, "racecheck: warning: cannot turn address randomisation off (%s): "
                "addresses in reports may differ between a schedule and its replay\n",
                strerror(errno));
    if (!opt.explore)
        return STDERR_FILENO;
    int err = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
        dup2(null, STDIN_FILENO);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        if (null > STDERR_FILENO)
            close(null);
    }
    return err >= 0 ? err : STDERR_FILENO;
}

static void child(const char *rcrace)
{
    setpgid(0, 0);
    give_tty(getpid());
    for (int s = 1; s < NSIG; s++) /* what racecheck ignores or catches: default again */
        if (s != SIGKILL && s != SIGSTOP)
            signal(s, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    setenv("RCRACE", rcrace, 1);
    if (opt.procs)
        setenv("RCMAXPROCS", opt.procs, 1);
    int err = controlled() ? controlled_child() : STDERR_FILENO;
    execv(opt.prog_path, opt.argv);
    dprintf(err, "racecheck: cannot run %s: %s\n", opt.argv[0], strerror(errno));
    _exit(127);
}

static void install_handlers(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    if (pipe2(wake, O_CLOEXEC | O_NONBLOCK) < 0) {
        perror("racecheck: pipe");
        exit(2);
    }
    struct sigaction sa = { .sa_handler = on_signal };
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    int sigs[] = { SIGCHLD, SIGINT, SIGTERM, SIGHUP, SIGQUIT };
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        sigaction(sigs[i], &sa, NULL);
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    /* under --explore the program has no terminal: ^C reaches racecheck, which stops */
    own_tty = !opt.explore && isatty(STDIN_FILENO) && tcgetpgrp(STDIN_FILENO) == getpgrp();
}

static void drain_wake(void)
{
    char b[64];
    while (read(wake[0], b, sizeof b) > 0)
        ;
}

/* Waits up to ms for the pipe, reading the channel meanwhile. */
static void pause_ms(rc_channel *ch, int ms)
{
    struct pollfd p = { .fd = wake[0], .events = POLLIN };
    poll(&p, 1, ms);
    drain_wake();
    channel_poll(ch, false);
}

/* Reaps processes left behind by the program (reparented to us), for a while. */
static void wait_orphans(rc_channel *ch, pid_t pgid)
{
    long long end = now_ms() + ORPHAN_WAIT_MS;
    for (;;) {
        while (waitpid(-1, NULL, WNOHANG) > 0)
            ;
        if (kill(-pgid, 0) < 0 || now_ms() >= end)
            break;
        pause_ms(ch, POLL_MS);
    }
    if (kill(-pgid, 0) == 0 && !opt.quiet) {
        progress_clear();
        fprintf(stderr, "racecheck: warning: processes started by %s are still running; "
                "what they report from now on is not shown\n", opt.argv[0]);
    }
}

bool run_interrupted(void)
{
    return forward_sig != 0;
}

bool run_program(rc_channel *ch, rc_run_result *r)
{
    *r = (rc_run_result){ 0 };
    char *rcrace = run_rcrace(channel_prefix(ch));
    if (!rcrace)
        return false;
    install_handlers();
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        perror("racecheck: fork");
        free(rcrace);
        return false;
    }
    if (pid == 0)
        child(rcrace);
    free(rcrace);
    setpgid(pid, pid); /* both sides: whichever runs first */
    child_pgid = pid;
    give_tty(pid);
    long long deadline = opt.timeout_ms ? now_ms() + opt.timeout_ms + KILL_GRACE_MS : 0;
    int status;
    for (;;) {
        pid_t w = waitpid(pid, &status, WNOHANG | WUNTRACED);
        if (w == pid && WIFSTOPPED(status)) { /* ^Z: stop with it, as a shell job */
            give_tty(getpgrp());
            raise(SIGTSTP);
            give_tty(pid);
            kill(-pid, SIGCONT);
            continue;
        }
        if (w == pid)
            break;
        if (deadline && now_ms() >= deadline && !r->timed_out) {
            r->timed_out = true;
            kill(-pid, SIGKILL);
            progress_clear();
            fprintf(stderr, "racecheck: %s was still running %d s after its timeout (%s): "
                    "killed%s\n", opt.argv[0], KILL_GRACE_MS / 1000, opt.timeout, seed_note());
        }
        pause_ms(ch, POLL_MS);
    }
    give_tty(getpgrp());
    child_pgid = 0;
    channel_poll(ch, false);
    wait_orphans(ch, pid);
    channel_poll(ch, true);
    if (WIFSIGNALED(status)) {
        r->signal = WTERMSIG(status);
        r->status = 128 + r->signal;
        if (!r->timed_out) {
            progress_clear();
            fprintf(stderr, "racecheck: %s was killed by signal %d (%s)%s\n", opt.argv[0],
                    r->signal, strsignal(r->signal), seed_note());
        }
    } else {
        r->status = WEXITSTATUS(status);
    }
    if (r->timed_out)
        r->status = 2; /* as the runtime's own timeout */
    return true;
}
