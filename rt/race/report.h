/*
 * report.h: a data race report as plain data, between the half that collects it from
 * the detector's state (report.c) and the half that writes it as text or JSON
 * (emit.c; docs/REPORTS.md is the reference of both formats). Everything in here is
 * already symbolized and filtered as printed: the emitter never looks at the
 * detector's state.
 */
#ifndef RC_RACE_REPORT_H
#define RC_RACE_REPORT_H

#include "../diag/symbolize.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct rc_rstack {
    const rc_frame *f;      /* innermost first; runtime frames already hidden */
    int             n;
    bool            elided; /* more frames than the report shows */
    bool            lost;   /* the detector could not restore this stack */
} rc_rstack;

typedef struct rc_rgoroutine {
    int64_t id;             /* 0: unknown (its history is gone) */
    bool    is_main;
    bool    finished;
} rc_rgoroutine;

#define RC_RMAX_HELD 8

typedef struct rc_rmutex {
    uintptr_t addr;
    bool      write;        /* Lock, or RLock */
} rc_rmutex;

typedef struct rc_raccess {
    bool          write, atomic;
    uintptr_t     addr;     /* the first of its bytes in the reported 8-byte word */
    unsigned      size;     /* its bytes in that word (1..8) */
    rc_rgoroutine g;
    rc_rstack     stack;
    int           nheld;    /* mutexes the goroutine held; -1: unknown (history gone) */
    rc_rmutex     held[RC_RMAX_HELD];
} rc_raccess;

enum { RC_LOC_NONE, RC_LOC_HEAP, RC_LOC_GLOBAL };

typedef struct rc_rlocation {
    int           kind;
    uintptr_t     start;
    size_t        size;
    char          name[256];   /* global: its symbol */
    rc_rgoroutine alloc_by;    /* heap: who allocated it */
    rc_rstack     alloc;       /* heap: where */
} rc_rlocation;

typedef struct rc_rcreated {
    rc_rgoroutine g;
    rc_rstack     stack;
} rc_rcreated;

/* A mutex some access held: what it is, when the text can say (global name). */
typedef struct rc_rmutex_info {
    uintptr_t addr;
    char      name[128];   /* global: its symbol, else "" */
} rc_rmutex_info;

typedef struct rc_race_data {
    uintptr_t    addr;         /* where the two accesses meet, as the text prints it */
    rc_raccess   cur, prev;    /* the access that found the race, the earlier one */
    rc_rlocation loc;
    rc_rcreated  created[2];   /* creation of cur's goroutine, then prev's (not main) */
    int          ncreated;
    rc_rmutex_info mutexes[2 * RC_RMAX_HELD]; /* M1, M2, ...: every mutex held above */
    int          nmutexes;
} rc_race_data;

/* Goroutines blocked forever at exit with one wait reason and one stack (leak.c). */
#define RC_LEAK_IDS 10
typedef struct rc_leak_data {
    const char   *reason;      /* Go's wait reason: "chan send", "select", ... */
    int           count;
    int64_t       ids[RC_LEAK_IDS]; /* the first ones, ascending */
    int           nids;
    rc_rstack     stack;       /* where they wait */
    rc_rgoroutine first;       /* the first of them, whose creation is shown */
    rc_rstack     created;
} rc_leak_data;

/* A deadlock (locks.c): goroutines each waiting for a mutex the next one holds; the
 * last one's mutex is held by the first. n == 1: a self-deadlock. */
#define RC_RCYCLE 16
enum { RC_HOLD_WRITE, RC_HOLD_READ, RC_HOLD_PENDING /* a writer waiting for readers */ };

typedef struct rc_deadlock_link {
    rc_rgoroutine g;           /* waits */
    const char   *reason;      /* in "sync.Mutex.Lock", ... */
    int           mutex;       /* for mutexes[mutex] */
    rc_rstack     wait;        /* here */
    rc_rgoroutine holder;      /* which the next goroutine of the cycle holds */
    int           hold;        /* RC_HOLD_* */
    rc_rstack     acquired;    /* since here (pending: where it called Lock) */
} rc_deadlock_link;

typedef struct rc_deadlock_data {
    int            n;
    rc_deadlock_link link[RC_RCYCLE];
    rc_rcreated    created[RC_RCYCLE];  /* the goroutines other than main */
    int            ncreated;
    rc_rmutex_info mutexes[RC_RCYCLE];
    int            nmutexes;
} rc_deadlock_data;

/* A lock-order inversion (lockorder.c): link i took mutex `to` while holding `from`;
 * link i's to is link i+1's from, and the last link's to is the first's from. */
typedef struct rc_lockorder_link {
    int           from, to;    /* mutexes[] */
    bool          from_write, to_write;
    rc_rgoroutine g;
    rc_rstack     acquired;    /* where it took `to` */
    rc_rstack     held;        /* where it had taken `from` */
} rc_lockorder_link;

typedef struct rc_lockorder_data {
    int            n;
    rc_lockorder_link link[RC_RCYCLE];
    rc_rcreated    created[RC_RCYCLE];
    int            ncreated;
    rc_rmutex_info mutexes[RC_RCYCLE];
    int            nmutexes;
} rc_lockorder_data;

/* report.c: a stack as report frames (valid until the next report). Call with
 * rc_out_lock held, after rc_report_frames_reset. */
void rc_report_frames_reset(void);
void rc_report_stack(rc_rstack *s, const uintptr_t *pcs, int n);

/* What the closing summary counts, per kind of report. */
typedef enum rc_report_kind {
    RC_REPORT_RACE,         /* data races */
    RC_REPORT_LEAK,         /* leaked goroutines (not reports: a report can group many) */
    RC_REPORT_DEADLOCK,     /* partial deadlocks and self-deadlocks */
    RC_REPORT_LOCK_ORDER,   /* lock-order inversions */
    RC_REPORT_NKINDS
} rc_report_kind;

/* report.c: counts n more findings of kind k (after their report was written, with
 * rc_out_lock released); with halt_on_error the program then exits. */
void rc_report_found(rc_report_kind k, int n);

/* A report found on some thread while the program may be exiting on another: begin
 * once the finding is certain (before any lock that exit could win is released),
 * done after it is written, with its count (0: nothing new). Exit (rc_race_fini)
 * waits for reports in between, so none is lost or left out of the summary. */
void rc_report_begin(void);
void rc_report_done(rc_report_kind k, int n);

/* emit.c: where and how reports are written (RCRACE log_path and format). Both
 * setters return false for a value they do not accept. */
bool rc_report_set_log_path(const char *v);   /* "stdout", "stderr" or a file prefix */
bool rc_report_set_format(const char *v);     /* "text" or "json" */
void rc_emit_race(const rc_race_data *d);
void rc_emit_summary(const int counts[RC_REPORT_NKINDS]);

#endif
