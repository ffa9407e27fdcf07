/*
 * reports.c: the reports found, one entry per distinct key over every run (--repeat
 * merges them), in the order they were first seen; suppressed ones only counted. The
 * table of kinds holds each kind's summary wording (the runtime's: "Found N data
 * race(s)"), its JSON summary member, its SARIF rule title and level, and the
 * suppression type that covers it.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

rc_report **reports;
int nreports;
int nsuppressed;
int run_no = 1;

static char **suppressed_keys;

/* The last entry is the generic one, for kinds this racecheck does not know. */
const rc_kind_info rc_kinds[] = {
    { "data-race", "data race(s)", "data_races", "Data race", "error", "race" },
    { "goroutine-leak", "leaked goroutine(s)", "leaked_goroutines", "Goroutine leak",
      "warning", "leak" },
    { "deadlock", "deadlock(s)", "deadlocks", "Deadlock", "error", "deadlock" },
    { "lock-order-inversion", "lock-order inversion(s)", "lock_order_inversions",
      "Lock-order inversion", "warning", "deadlock" },
    { "all-goroutines-asleep", "time(s) all goroutines were asleep", "all_goroutines_asleep",
      "All goroutines are asleep", "error", "deadlock" },
    { "timeout", "timeout(s)", "timeouts", "Timeout", "error", NULL },
    { "panic", "panic(s)", "panics", "Panic", "error", NULL },
    { "", "other report(s)", "other", "Other report", "warning", NULL },
};
const int rc_nkinds = sizeof rc_kinds / sizeof *rc_kinds;

const rc_kind_info *kind_info(const char *kind)
{
    for (int i = 0; i < rc_nkinds - 1; i++)
        if (!strcmp(rc_kinds[i].kind, kind))
            return &rc_kinds[i];
    return &rc_kinds[rc_nkinds - 1];
}

static bool seen_suppressed(const char *key)
{
    for (int i = 0; i < nsuppressed; i++)
        if (!strcmp(suppressed_keys[i], key))
            return true;
    suppressed_keys = realloc(suppressed_keys, (size_t)(nsuppressed + 1) * sizeof *suppressed_keys);
    suppressed_keys[nsuppressed++] = strdup(key);
    return false;
}

void reports_add(const char *line, size_t n, const char *file)
{
    jv *obj = jv_parse(line, n);
    const char *kind = jv_str(obj, "kind"), *key = jv_str(obj, "key");
    const char *schema = jv_str(obj, "schema");
    if (!obj || !kind || !schema || strncmp(schema, "racecheck-report/", 17)) {
        fprintf(stderr, "racecheck: warning: %s: a line that is not a racecheck report "
                "(%zu bytes) was ignored\n", file, n);
        jv_free(obj);
        return;
    }
    if (!strcmp(kind, "summary") || !key) { /* racecheck counts for itself */
        jv_free(obj);
        return;
    }
    for (int i = 0; i < nreports; i++) {
        rc_report *r = reports[i];
        if (!strcmp(r->key, key)) {
            if (r->last_run != run_no) {
                r->runs++;
                r->last_run = run_no;
            }
            jv_free(obj);
            return;
        }
    }
    if (suppress_match(kind, obj)) {
        seen_suppressed(key);
        jv_free(obj);
        return;
    }
    rc_report *r = calloc(1, sizeof *r);
    r->obj = obj;
    r->kind = strdup(kind);
    r->key = strdup(key);
    r->line = strndup(line, n);
    const char *text = jv_str(obj, "text");
    r->text = strdup(text ? text : "");
    r->count = !strcmp(kind, "goroutine-leak") ? (int)jv_int(obj, "count", 1) : 1;
    r->runs = 1;
    r->last_run = run_no;
    r->seed = opt.seed;
    reports = realloc(reports, (size_t)(nreports + 1) * sizeof *reports);
    reports[nreports++] = r;
    output_live(r);
}
