/*
 * cli.h: what the parts of the racecheck command share (docs/CLI.md is the reference):
 * the options (racecheck.c), the report channel (collect.c), running the program
 * (run.c), the reports found and their suppression (reports.c, suppress.c), the
 * three output formats plus GitHub annotations (output.c, sarif.c, github.c), and
 * what controlled runs add: seeds, replay commands, progress (explore.c).
 *
 * Flow: racecheck.c parses the options, then for each run opens a channel (a private
 * directory the detector runtime writes its JSON lines to), runs the program while
 * collect.c tails the channel, and hands every complete line to reports.c, which
 * parses it, drops it if suppressed, and merges it by key into the one list of
 * reports; output.c shows new reports as they arrive (text format) and everything
 * else at the end. Under --explore each run is one schedule, with its own seed
 * (opt.seed), and a report remembers the seed of the run that first produced it.
 */
#ifndef RC_CLI_H
#define RC_CLI_H

#include "json_read.h"

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#define RC_VERSION "0.2.0"

enum { FMT_TEXT, FMT_JSON, FMT_SARIF };

typedef struct rc_opts {
    int         format;         /* FMT_* */
    const char *out_path;       /* -o; NULL: text to stderr, json and sarif to stdout */
    FILE       *out;            /* where the chosen format goes */
    int         exitcode;       /* status when something was reported; 0: the program's */
    bool        halt_on_error;
    const char *strip_prefix;   /* --strip-path-prefix */
    const char *procs;          /* --procs: RCMAXPROCS */
    const char *timeout;        /* --timeout, as written (Go duration) */
    long long   timeout_ms;     /* 0: none */
    int         repeat;         /* runs */
    /* Controlled runs (docs/CLI.md "Exploring schedules"): each run gets RCSCHED. */
    bool        explore;        /* --explore or --explore-time: many schedules */
    int         explore_n;      /* schedules at most (INT_MAX: only the time budget) */
    long long   explore_ms;     /* --explore-time, 0: none */
    bool        explore_seed_set;
    unsigned long long explore_seed; /* the first schedule's seed; then +1 per run */
    bool        replay;         /* --seed: one controlled run */
    unsigned long long seed;    /* the current controlled run's seed */
    bool        github, quiet;
    char      **argv;           /* the program and its arguments */
    const char *prog_path;      /* argv[0] resolved through PATH */
} rc_opts;

extern rc_opts opt;

/* The controlled runs' seeds and replay command (explore.c). */
bool controlled(void);              /* --explore or --seed: RCSCHED for every run */
unsigned long long explore_random_base(void); /* from the clock and pid, below 2^48 */
/* "racecheck --seed S ./prog 'a b'": argv quoted for a POSIX shell. */
void replay_command(unsigned long long seed, char *buf, size_t n);
/* The progress line on stderr under --explore (terminal only, not --quiet): start
 * when exploring starts; show after each schedule (redrawn at most every 100 ms unless
 * force); clear before anything else is written on stderr. */
void progress_start(void);
void progress_show(int done, bool force);
void progress_clear(void);

/* ---- collect.c: the report channel --------------------------------------------- */

typedef struct rc_channel rc_channel;
/* A fresh private directory; its log_path prefix for RCRACE. NULL on failure (said). */
rc_channel *channel_open(void);
const char *channel_prefix(const rc_channel *c);
/* Reads what every <prefix>.<pid> file gained and hands each complete line to
 * reports_add. final: the writers are gone, a line without its newline is said to
 * be incomplete. */
void channel_poll(rc_channel *c, bool final);
/* Removes the directory and its files. */
void channel_close(rc_channel *c);

/* ---- run.c: the program --------------------------------------------------------- */

typedef struct rc_run_result {
    int  status;        /* the exit status racecheck would pass on: its own, 128+N */
    int  signal;        /* 0, or the signal that ended it */
    bool timed_out;     /* racecheck had to kill it after --timeout */
} rc_run_result;

/* Runs the program once with RCRACE pointing at the channel; polls the channel while
 * it runs. Returns false when it could not be started at all (said). */
bool run_program(rc_channel *ch, rc_run_result *r);
/* True once racecheck was asked to stop (SIGINT, ...: passed on to the program). */
bool run_interrupted(void);
/* The RCRACE the program gets: the user's, then racecheck's own keys. NULL and a
 * message when the user's RCRACE takes a key racecheck owns. */
char *run_rcrace(const char *prefix);

/* ---- reports.c: reports found, merged by key ------------------------------------ */

typedef struct rc_report {
    char  *kind, *key;
    char  *line;        /* the JSON object as the runtime wrote it */
    char  *text;        /* its text report */
    jv    *obj;
    int    count;       /* findings it counts for (a leak: its goroutines) */
    int    runs;        /* runs that produced it */
    int    last_run;
    unsigned long long seed; /* the seed of the first run that produced it (controlled) */
} rc_report;

extern rc_report **reports;
extern int nreports;
extern int nsuppressed;     /* distinct suppressed reports */
extern int run_no;          /* the current run, from 1 */

/* Takes one JSON line from the channel. */
void reports_add(const char *line, size_t n, const char *file);

/* Findings per summary line, in the runtime's order and wording. */
typedef struct rc_kind_info {
    const char *kind, *noun, *json;  /* "data-race", "data race(s)", "data_races" */
    const char *title, *level;       /* "Data race", SARIF level */
    const char *supp;                /* suppression type covering it, or NULL */
} rc_kind_info;
extern const rc_kind_info rc_kinds[];
extern const int rc_nkinds;
const rc_kind_info *kind_info(const char *kind); /* the generic entry when unknown */

/* ---- suppress.c ----------------------------------------------------------------- */

/* Reads one suppressions file; false after a message naming FILE:LINE. */
bool suppress_load(const char *path);
/* The first suppression that matches report r (kind and any frame), or NULL. */
const char *suppress_match(const char *kind, const jv *r);

/* ---- output.c, sarif.c, github.c ------------------------------------------------ */

void output_live(const rc_report *r);          /* a new report, as it arrives */
void output_final(int exit_status);            /* everything at the end */
void sarif_write(FILE *f);
void github_write(FILE *f);

/* Frames, primary locations and paths, shared by sarif.c and github.c. */
typedef struct rc_loc {
    const char *func, *file;
    long long   line;
} rc_loc;
/* Calls fn for every array of frames in the report (a stack), with its member path
 * ("access.stack", "goroutines[0].created_at"). */
typedef void (*stack_fn)(const char *path, const jv *frames, void *ctx);
void report_stacks(const rc_report *r, stack_fn fn, void *ctx);
/* "Previous write by goroutine 6", "Goroutine 2 created": what a stack is. */
void stack_label(const rc_report *r, const char *path, char *buf, size_t n);
bool frame_loc(const jv *frame, rc_loc *l);      /* false: no file or line */
bool stack_top(const jv *frames, rc_loc *l);     /* the innermost frame with a file */
/* One sentence saying what the report is ("Data race: ..."). */
void report_sentence(const rc_report *r, char *buf, size_t n);
/* The report's primary location (the access that found it, where it waits): false
 * when no frame has a file. */
bool report_primary(const rc_report *r, rc_loc *l);
/* file as the source root sees it: --strip-path-prefix removed, else relative to the
 * working directory when under it. Returns a pointer into file or buf. */
const char *rel_path(const char *file, char *buf, size_t n);
/* The key with absolute paths under the working directory made relative. */
void stable_key(const char *key, char *buf, size_t n);

/* elf.c: true when path is an ELF file without the marker of instrumented code
 * (rt/race/abi.c): races cannot be detected in it. False for what is not ELF. */
bool elf_unmarked(const char *path);

#endif
