/*
 * racecheck.c: the racecheck command's entry point: `racecheck [options] PROGRAM
 * [ARGS...]` (and `racecheck cc ...`, cc.c). Parses and checks the options and the
 * program, runs it --repeat times (run.c), and decides the exit status; docs/CLI.md
 * is the reference. Exit status: 2 for bad usage or a program that cannot be run;
 * else the program's own (128+N when signal N ended it, 2 for a fatal error or the
 * timeout), except that a program that would have exited 0 exits --exitcode (66)
 * when anything that is not suppressed was reported: as the detector runtime does on
 * its own, so that racecheck ./prog fails exactly when ./prog would.
 */
#include "cli.h"
#include "../rt/core/duration.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cc.h"

rc_opts opt = { .format = FMT_TEXT, .exitcode = -1, .repeat = 1 };

static void usage(FILE *f)
{
    fprintf(f,
        "usage: racecheck [OPTIONS] PROGRAM [ARGS...]\n"
        "       racecheck cc|c++ [CLANG ARGS...]\n"
        "Runs PROGRAM (built with the racecheck pass and detector runtime), shows what it\n"
        "reports (data races, goroutine leaks, deadlocks, ...) and exits with status 66 if\n"
        "it reported anything and would have exited 0, else with its own status.\n"
        "\n"
        "  --format text|json|sarif  output format (text: on stderr; json, sarif: on stdout)\n"
        "  -o, --output FILE         write the output to FILE instead\n"
        "  --exitcode N              exit status instead of 0 when something was reported (66)\n"
        "  --suppressions FILE       race:, leak:, deadlock: PATTERN lines (repeatable)\n"
        "  --halt-on-error           stop the program (and exploring) at its first report\n"
        "  --strip-path-prefix P     remove P from the start of file names\n"
        "  --procs N                 run goroutines on N threads (RCMAXPROCS)\n"
        "  --timeout DURATION        dump every goroutine and stop after DURATION (10s, 2m)\n"
        "  --repeat N                run N times, merge the reports\n"
        "  --explore N               run up to N schedules of a controlled scheduler, report\n"
        "                            each distinct bug once with the seed that replays it\n"
        "  --explore-time DURATION   explore for at most DURATION (with or without --explore)\n"
        "  --explore-seed B          the first schedule's seed (default: from the clock)\n"
        "  --seed S                  replay the schedule of seed S (one controlled run)\n"
        "  --github                  GitHub Actions annotations on stdout\n"
        "  -q, --quiet               reports only: no summary, no progress\n"
        "  --version, -h, --help\n"
        "Options come before PROGRAM; -- ends them. More: docs/CLI.md, racecheck(1).\n");
}

__attribute__((format(printf, 1, 2), noreturn)) static void bad_usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "racecheck: ");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nRun 'racecheck --help' for usage.\n");
    exit(2);
}

static long parse_int(const char *name, const char *v, long lo, long hi)
{
    char *end;
    errno = 0;
    long x = strtol(v, &end, 10);
    if (!*v || *end || errno || x < lo || x > hi) {
        bad_usage("invalid value '%s' for %s (want an integer in %ld..%ld)", v, name, lo, hi);
    }
    return x;
}

/* Go's time.ParseDuration for positive durations, in milliseconds (at least 1). */
static long long parse_duration(const char *v)
{
    double ns;
    if (!rc_parse_duration(v, &ns) || ns <= 0 || ns > 9e18)
        return -1;
    return ns < 1e6 ? 1 : (long long)(ns / 1e6);
}

/* A seed: an unsigned 64-bit integer, decimal or hex with 0x (as RCSCHED takes it). */
static unsigned long long parse_seed(const char *name, const char *v)
{
    bool hex = v[0] == '0' && (v[1] == 'x' || v[1] == 'X');
    const char *digits = hex ? v + 2 : v;
    char *end;
    errno = 0;
    unsigned long long x = strtoull(digits, &end, hex ? 16 : 10);
    if (!*digits || *end || errno || !strchr("0123456789abcdefABCDEF", *digits))
        bad_usage("invalid value '%s' for %s (want an unsigned 64-bit integer, decimal "
                  "or 0x hex)", v, name);
    return x;
}

/* The value of option name: "--name=v", or the next argument. */
static const char *value(int argc, char **argv, int *i, const char *name)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (!strncmp(a, name, n) && a[n] == '=')
        return a + n + 1;
    if (*i + 1 >= argc)
        bad_usage("option %s needs a value", name);
    return argv[++*i];
}

static bool is_opt(const char *a, const char *name)
{
    size_t n = strlen(name);
    return !strncmp(a, name, n) && (a[n] == 0 || a[n] == '=');
}

static bool repeat_set;

/* Options that exclude each other (docs/CLI.md, "Exploring schedules"). */
static void check_combinations(void)
{
    if (opt.replay && opt.explore)
        bad_usage("--seed replays one schedule: it cannot be combined with --explore or "
                  "--explore-time");
    if (opt.explore_seed_set && !opt.explore)
        bad_usage("--explore-seed needs --explore or --explore-time");
    if (opt.explore && repeat_set)
        bad_usage("--repeat cannot be combined with --explore or --explore-time (every "
                  "schedule is a run)");
    if (controlled() && opt.procs)
        bad_usage("--procs cannot be combined with --explore or --seed (controlled runs use "
                  "one processor)");
    if (opt.explore && !opt.explore_n)
        opt.explore_n = INT_MAX; /* --explore-time alone */
}

/* Parses options; returns the index of the program. */
static int parse_options(int argc, char **argv)
{
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) {
            i++;
            break;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            exit(0);
        } else if (!strcmp(a, "--version")) {
            printf("racecheck %s\n", RC_VERSION);
            exit(0);
        } else if (is_opt(a, "--format")) {
            const char *v = value(argc, argv, &i, "--format");
            if (!strcmp(v, "text"))
                opt.format = FMT_TEXT;
            else if (!strcmp(v, "json"))
                opt.format = FMT_JSON;
            else if (!strcmp(v, "sarif"))
                opt.format = FMT_SARIF;
            else
                bad_usage("invalid value '%s' for --format (want text, json or sarif)", v);
        } else if (!strcmp(a, "-o") || is_opt(a, "--output")) {
            opt.out_path = value(argc, argv, &i, a[1] == 'o' ? "-o" : "--output");
        } else if (is_opt(a, "--exitcode")) {
            opt.exitcode = (int)parse_int("--exitcode", value(argc, argv, &i, "--exitcode"), 0, 255);
        } else if (is_opt(a, "--suppressions")) {
            if (!suppress_load(value(argc, argv, &i, "--suppressions")))
                exit(2);
        } else if (!strcmp(a, "--halt-on-error")) {
            opt.halt_on_error = true;
        } else if (is_opt(a, "--strip-path-prefix")) {
            opt.strip_prefix = value(argc, argv, &i, "--strip-path-prefix");
            if (!*opt.strip_prefix || strchr(opt.strip_prefix, ' '))
                bad_usage("invalid value '%s' for --strip-path-prefix (want a path without "
                          "spaces)", opt.strip_prefix);
        } else if (is_opt(a, "--procs")) {
            opt.procs = value(argc, argv, &i, "--procs");
            parse_int("--procs", opt.procs, 1, 1 << 20);
        } else if (is_opt(a, "--timeout")) {
            opt.timeout = value(argc, argv, &i, "--timeout");
            if ((opt.timeout_ms = parse_duration(opt.timeout)) < 0)
                bad_usage("invalid value '%s' for --timeout (want a duration: 30s, 2m, "
                          "1m30s, 500ms)", opt.timeout);
        } else if (is_opt(a, "--repeat")) {
            opt.repeat = (int)parse_int("--repeat", value(argc, argv, &i, "--repeat"), 1, 100000);
            repeat_set = true;
        } else if (is_opt(a, "--explore")) {
            opt.explore = true;
            opt.explore_n = (int)parse_int("--explore", value(argc, argv, &i, "--explore"), 1,
                                           100000000);
        } else if (is_opt(a, "--explore-time")) {
            const char *v = value(argc, argv, &i, "--explore-time");
            opt.explore = true;
            if ((opt.explore_ms = parse_duration(v)) < 0)
                bad_usage("invalid value '%s' for --explore-time (want a duration: 30s, 2m, "
                          "1m30s, 500ms)", v);
        } else if (is_opt(a, "--explore-seed")) {
            opt.explore_seed_set = true;
            opt.explore_seed = parse_seed("--explore-seed",
                                          value(argc, argv, &i, "--explore-seed"));
        } else if (is_opt(a, "--seed")) {
            opt.replay = true;
            opt.seed = parse_seed("--seed", value(argc, argv, &i, "--seed"));
        } else if (!strcmp(a, "--github")) {
            opt.github = true;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            opt.quiet = true;
        } else {
            bad_usage("unknown option %s", a);
        }
    }
    check_combinations();
    return i;
}

/* The program's path, as execvp would find it; exits 2 after a message if none. */
static const char *find_program(const char *name)
{
    static char buf[8192];
    const char *path = name;
    if (!strchr(name, '/')) {
        const char *dirs = getenv("PATH");
        path = NULL;
        for (const char *d = dirs ? dirs : "/usr/local/bin:/usr/bin:/bin"; d && !path;) {
            size_t n = strcspn(d, ":");
            snprintf(buf, sizeof buf, "%.*s%s%s", (int)n, d, n ? "/" : "", name);
            struct stat st;
            if (stat(buf, &st) == 0 && S_ISREG(st.st_mode) && access(buf, X_OK) == 0)
                path = buf;
            d = d[n] ? d + n + 1 : NULL;
        }
        if (!path) {
            fprintf(stderr, "racecheck: %s: executable file not found in $PATH\n", name);
            exit(2);
        }
    }
    struct stat st;
    const char *why = stat(path, &st) < 0 ? strerror(errno)
                    : S_ISDIR(st.st_mode) ? "is a directory"
                    : access(path, X_OK) < 0 ? strerror(errno) : NULL;
    if (why) {
        fprintf(stderr, "racecheck: %s: %s\n", name, why);
        exit(2);
    }
    return path;
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* Without --exitcode, the user's RCRACE exitcode (if valid: the runtime checks it). */
static int default_exitcode(void)
{
    const char *env = getenv("RCRACE");
    for (const char *p = env; p && (p = strstr(p, "exitcode=")); p++)
        if (p == env || p[-1] == ' ') {
            char *end;
            long x = strtol(p + 9, &end, 10);
            if (end != p + 9 && (*end == ' ' || !*end) && x >= 0 && x <= 255)
                return (int)x;
        }
    return 66;
}

int main(int argc, char **argv)
{
    if (argc > 1 && (!strcmp(argv[1], "cc") || !strcmp(argv[1], "c++")))
        return rc_cli_cc(argc - 1, argv + 1);
    int first = parse_options(argc, argv);
    if (first >= argc) {
        usage(stderr);
        return 2;
    }
    opt.argv = argv + first;
    opt.prog_path = find_program(opt.argv[0]);
    if (opt.exitcode < 0)
        opt.exitcode = default_exitcode();
    char *rcrace = run_rcrace("x"); /* the user's RCRACE, checked before anything runs */
    if (!rcrace)
        return 2;
    free(rcrace);
    opt.out = opt.format == FMT_TEXT ? stderr : stdout;
    if (opt.out_path && !(opt.out = fopen(opt.out_path, "w"))) {
        fprintf(stderr, "racecheck: cannot create %s: %s\n", opt.out_path, strerror(errno));
        return 2;
    }
    if (elf_unmarked(opt.prog_path))
        fprintf(stderr, "racecheck: warning: %s was not built with the racecheck pass: data "
                "races cannot be detected\n", opt.argv[0]);

    if (opt.explore && !opt.explore_seed_set)
        opt.explore_seed = explore_random_base();
    int status = 0, runs = opt.explore ? opt.explore_n : opt.repeat, done = 0;
    long long end = opt.explore_ms ? now_ms() + opt.explore_ms : 0;
    progress_start();
    for (run_no = 1; run_no <= runs; run_no++) {
        if (opt.explore) {
            if (run_no > 1 && ((end && now_ms() >= end) || run_interrupted()))
                break;
            opt.seed = opt.explore_seed + (unsigned long long)(run_no - 1); /* wraps */
        }
        int before = nreports;
        rc_channel *ch = channel_open();
        rc_run_result r;
        bool ok = ch && run_program(ch, &r);
        if (ch)
            channel_close(ch);
        if (!ok)
            return 2;
        done = run_no;
        if (status == 0)
            status = r.status; /* the first run that failed speaks for all */
        if (opt.explore) {
            progress_show(done, nreports > before);
            if (opt.halt_on_error && nreports > 0)
                break;
        } else if (opt.repeat > 1 && !opt.quiet) {
            fprintf(stderr, "racecheck: run %d of %d: exit status %d, %d new report(s)\n",
                    run_no, opt.repeat, r.status, nreports - before);
        }
    }
    progress_clear();
    run_no = opt.repeat = done; /* under --explore: the schedules run */
    if (nreports > 0 && status == 0)
        status = opt.exitcode;
    output_final(status);
    if (opt.github)
        github_write(stdout);
    if (opt.out != stderr && opt.out != stdout && fclose(opt.out) != 0) {
        fprintf(stderr, "racecheck: %s: %s\n", opt.out_path, strerror(errno));
        return 2;
    }
    return status;
}
