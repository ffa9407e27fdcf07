/*
 * emit.c: writes collected race reports (report.h) as go -race's text or as JSON
 * lines, to stderr, stdout or the file <log_path>.<pid> (RCRACE log_path and format;
 * docs/REPORTS.md is the reference of both formats).
 *
 * Callers hold rc_out_lock, which serialises reports with each other and with the
 * runtime's other reports (panics, deadlocks). A report is assembled in a static
 * buffer and written with write(2) when it is complete, so a report normally
 * reaches its target in one piece even while the program writes there too.
 * The log file is opened at the first report (no report, no file), and opened anew
 * in a forked child, whose reports go to its own <log_path>.<pid>.
 */
#include "emit.h"
#include "report.h"
#include "../diag/json.h"
#include "../diag/panic.h"
#include "../diag/traceback.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define SCHEMA "racecheck-report/1"

static bool json;
static int std_fd = 2;          /* the target when there is no log file */
static char *log_prefix;        /* RCRACE log_path naming a file */
static int log_fd = -1;
static pid_t log_pid;

/* ---- options -------------------------------------------------------------------- */

bool rc_report_set_log_path(const char *v)
{
    if (!strcmp(v, "stderr") || !strcmp(v, "stdout")) {
        std_fd = v[3] == 'e' ? 2 : 1;
        log_prefix = NULL;
        return true;
    }
    size_t n = strlen(v);
    if (n == 0 || n > 3000)
        return false;
    static char prefix[3001];
    memcpy(prefix, v, n + 1);
    log_prefix = prefix;
    return true;
}

bool rc_report_set_format(const char *v)
{
    if (strcmp(v, "text") && strcmp(v, "json"))
        return false;
    json = v[0] == 'j';
    return true;
}

bool rc_report_is_json(void) { return json; }

/* ---- the output buffer ---------------------------------------------------------- */

static char buf[1 << 16];
static size_t used;

/* In JSON mode a report's text is rendered first into textbuf (the "text" member). */
static char textbuf[1 << 15];
static size_t textused;
static bool to_text;

static int target(void)
{
    if (!log_prefix)
        return std_fd;
    pid_t pid = getpid();
    if (log_fd >= 0 && log_pid == pid)
        return log_fd;
    if (log_fd >= 0)
        close(log_fd); /* the parent's file, inherited by fork */
    char path[3100];
    snprintf(path, sizeof path, "%s.%d", log_prefix, (int)pid);
    /* appended to: a program that execs keeps its pid, and its file, across exec */
    log_fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
    log_pid = pid;
    if (log_fd < 0) {
        char msg[3300];
        int n = snprintf(msg, sizeof msg, "racecheck: cannot open RCRACE log_path file %s: "
                         "%s; reports go to stderr\n", path, strerror(errno));
        rc_write_all(2, msg, (size_t)n < sizeof msg ? (size_t)n : sizeof msg - 1);
        log_prefix = NULL;
        std_fd = 2;
        return 2;
    }
    return log_fd;
}

static void flush(void)
{
    rc_out_flush(); /* whatever the runtime printed before goes first */
    rc_write_all(target(), buf, used);
    used = 0;
}

static void put(void *ctx, const char *p, size_t n)
{
    (void)ctx;
    if (to_text) { /* a report's text, for JSON: truncated if it is huge */
        size_t k = sizeof textbuf - textused < n ? sizeof textbuf - textused : n;
        memcpy(textbuf + textused, p, k);
        textused += k;
        return;
    }
    while (n > 0) {
        if (used == sizeof buf)
            flush();
        size_t k = sizeof buf - used < n ? sizeof buf - used : n;
        memcpy(buf + used, p, k);
        used += k;
        p += k;
        n -= k;
    }
}

void rc_emit_out(const char *fmt, ...)
{
    char line[1200];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n > 0)
        put(NULL, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
}

#define out rc_emit_out

/* ---- shared --------------------------------------------------------------------- */

static const char *file_of(const rc_frame *f)
{
    const char *file = f->file;
    size_t strip = rc_tb_strip_prefix ? strlen(rc_tb_strip_prefix) : 0;
    if (strip && !strncmp(file, rc_tb_strip_prefix, strip))
        file += strip;
    return file;
}

void rc_emit_goroutine_name(const rc_rgoroutine *g, char *b, size_t n)
{
    if (g->is_main)
        snprintf(b, n, "main goroutine");
    else if (g->id == 0)
        snprintf(b, n, "unknown goroutine");
    else
        snprintf(b, n, "goroutine %lld", (long long)g->id);
}

static const char *kind_of(const rc_raccess *a)
{
    if (a->atomic)
        return a->write ? "atomic write" : "atomic read";
    return a->write ? "write" : "read";
}

/* ---- text ----------------------------------------------------------------------- */

void rc_emit_text_stack(const rc_rstack *s)
{
    if (s->lost) {
        out("  [failed to restore the stack]\n");
        return;
    }
    for (int i = 0; i < s->n; i++) {
        const rc_frame *f = &s->f[i];
        const char *fn = f->func[0] ? f->func : "?";
        const char *file = f->file[0] ? file_of(f) : "?";
        if (f->inlined)
            out("  %s(...)\n      %s:%d\n", fn, file, f->line);
        else
            out("  %s()\n      %s:%d +0x%lx\n", fn, file, f->line, (unsigned long)f->offset);
    }
    if (s->elided)
        out("...additional frames elided...\n");
}

/* The index of mutex a in d->mutexes (its name is M<index+1>). */
static int mutex_no(const rc_race_data *d, uintptr_t a)
{
    for (int i = 0; i < d->nmutexes; i++)
        if (d->mutexes[i].addr == a)
            return i + 1;
    return 0;
}

/* " (mutexes: write M1, read M2)", TSan's addition; nothing when none was held. */
static void text_held(const rc_race_data *d, const rc_raccess *a)
{
    if (a->nheld <= 0)
        return;
    out(" (mutexes:");
    for (int i = 0; i < a->nheld && i < RC_RMAX_HELD; i++)
        out("%s %s M%d", i ? "," : "", a->held[i].write ? "write" : "read",
            mutex_no(d, a->held[i].addr));
    out(")");
}

static void text_access(const rc_race_data *d, const rc_raccess *a, bool previous)
{
    char who[64], kind[16];
    rc_emit_goroutine_name(&a->g, who, sizeof who);
    snprintf(kind, sizeof kind, "%s", kind_of(a));
    if (!previous)
        kind[0] = (char)(kind[0] - 'a' + 'A');
    out("%s%s at %#014lx by %s", previous ? "\nPrevious " : "", kind, (unsigned long)d->addr,
        who);
    text_held(d, a);
    out(":\n");
    rc_emit_text_stack(&a->stack);
}

static void text_race(const rc_race_data *d)
{
    out("WARNING: DATA RACE\n");
    text_access(d, &d->cur, false);
    text_access(d, &d->prev, true);
    const rc_rlocation *l = &d->loc;
    if (l->kind == RC_LOC_HEAP) {
        char who[64];
        rc_emit_goroutine_name(&l->alloc_by, who, sizeof who);
        out("\nLocation is heap block of size %zu at %#014lx allocated by %s:\n", l->size,
            (unsigned long)l->start, who);
        rc_emit_text_stack(&l->alloc);
    } else if (l->kind == RC_LOC_GLOBAL) {
        out("\nLocation is global '%s' of size %zu at %#014lx\n", l->name, l->size,
            (unsigned long)l->start);
    }
    rc_emit_text_created(d->created, d->ncreated, NULL);
    rc_emit_text_mutexes(d->mutexes, d->nmutexes);
}

/* ---- JSON ----------------------------------------------------------------------- */

/* A goroutine as {"id","name","main"[,"state"]}, or null when it is unknown. */
void rc_emit_json_goroutine(rc_json *j, const char *key, const rc_rgoroutine *g, bool state)
{
    rc_json_key(j, key);
    if (g->id == 0 && !g->is_main) {
        rc_json_null(j);
        return;
    }
    char name[64];
    rc_emit_goroutine_name(g, name, sizeof name);
    rc_json_object(j);
    rc_json_kint(j, "id", g->id);
    rc_json_kstr(j, "name", name);
    rc_json_kbool(j, "main", g->is_main);
    if (state)
        rc_json_kstr(j, "state", g->finished ? "finished" : "running");
    rc_json_end(j);
}

void rc_emit_json_stack(rc_json *j, const char *key, const rc_rstack *s)
{
    rc_json_key(j, key);
    rc_json_array(j);
    for (int i = 0; i < s->n; i++) {
        const rc_frame *f = &s->f[i];
        rc_json_object(j);
        rc_json_key(j, "function");
        f->func[0] ? rc_json_str(j, f->func) : rc_json_null(j);
        rc_json_key(j, "file");
        f->file[0] ? rc_json_str(j, file_of(f)) : rc_json_null(j);
        rc_json_kint(j, "line", f->line);
        rc_json_kaddr(j, "pc", f->pc);
        rc_json_kbool(j, "inlined", f->inlined);
        rc_json_end(j);
    }
    rc_json_end(j);
    if (s->elided)
        rc_json_kbool(j, "stack_elided", true);
    if (s->lost)
        rc_json_kbool(j, "stack_lost", true);
}

static void json_access(rc_json *j, const char *key, const rc_raccess *a)
{
    rc_json_key(j, key);
    rc_json_object(j);
    rc_json_kstr(j, "kind", kind_of(a));
    rc_json_kaddr(j, "address", a->addr);
    rc_json_kint(j, "size", a->size);
    rc_emit_json_goroutine(j, "goroutine", &a->g, true);
    rc_emit_json_stack(j, "stack", &a->stack);
    rc_json_key(j, "mutexes"); /* held at the access; null: unknown */
    if (a->nheld < 0) {
        rc_json_null(j);
    } else {
        rc_json_array(j);
        for (int i = 0; i < a->nheld && i < RC_RMAX_HELD; i++) {
            rc_json_object(j);
            rc_json_kaddr(j, "address", a->held[i].addr);
            rc_json_kstr(j, "mode", a->held[i].write ? "write" : "read");
            rc_json_end(j);
        }
        rc_json_end(j);
    }
    rc_json_end(j);
}

/* The innermost frame as file:line, the stable half of a report's key. */
void rc_emit_site(const rc_rstack *s, char *b, size_t n)
{
    if (s->n == 0 || !s->f[0].file[0])
        snprintf(b, n, "?");
    else
        snprintf(b, n, "%s:%d", file_of(&s->f[0]), s->f[0].line);
}

/* state NULL: "finished" or "running", from the goroutine */
static const char *state_of(const rc_rcreated *c, const char *state)
{
    return state ? state : c->g.finished ? "finished" : "running";
}

void rc_emit_text_created(const rc_rcreated *c, int n, const char *state)
{
    for (int i = 0; i < n; i++) {
        if (state && !*state)
            out("\nGoroutine %lld created at:\n", (long long)c[i].g.id);
        else
            out("\nGoroutine %lld (%s) created at:\n", (long long)c[i].g.id,
                state_of(&c[i], state));
        rc_emit_text_stack(&c[i].stack);
    }
}

void rc_emit_text_mutexes(const rc_rmutex_info *m, int n)
{
    for (int i = 0; i < n; i++)
        if (m[i].name[0])
            out("\nMutex M%d is global '%s' at %#014lx\n", i + 1, m[i].name,
                (unsigned long)m[i].addr);
        else
            out("\nMutex M%d is at %#014lx\n", i + 1, (unsigned long)m[i].addr);
}

void rc_emit_json_created(rc_json *j, const rc_rcreated *c, int n, const char *state)
{
    rc_json_key(j, "goroutines");
    rc_json_array(j);
    for (int i = 0; i < n; i++) {
        char name[64];
        rc_emit_goroutine_name(&c[i].g, name, sizeof name);
        rc_json_object(j);
        rc_json_kint(j, "id", c[i].g.id);
        rc_json_kstr(j, "name", name);
        if (!state || *state)
            rc_json_kstr(j, "state", state_of(&c[i], state));
        rc_emit_json_stack(j, "created_at", &c[i].stack);
        rc_json_end(j);
    }
    rc_json_end(j);
}

void rc_emit_json_mutexes(rc_json *j, const rc_rmutex_info *m, int n)
{
    rc_json_key(j, "mutexes");
    rc_json_array(j);
    for (int i = 0; i < n; i++) {
        char id[16];
        snprintf(id, sizeof id, "M%d", i + 1);
        rc_json_object(j);
        rc_json_kstr(j, "id", id);
        rc_json_kaddr(j, "address", m[i].addr);
        rc_json_key(j, "name");
        m[i].name[0] ? rc_json_str(j, m[i].name) : rc_json_null(j);
        rc_json_end(j);
    }
    rc_json_end(j);
}

void rc_emit_sites_key(char *key, size_t n, const char *kind, const rc_rstack *const *stacks,
                       int count)
{
    char sites[RC_RCYCLE][600];
    bool done[RC_RCYCLE] = { 0 };
    for (int i = 0; i < count; i++)
        rc_emit_site(stacks[i], sites[i], sizeof sites[i]);
    size_t used = (size_t)snprintf(key, n, "%s:", kind);
    for (int k = 0; k < count; k++) {
        int min = -1;
        for (int i = 0; i < count; i++)
            if (!done[i] && (min < 0 || strcmp(sites[i], sites[min]) < 0))
                min = i;
        done[min] = true;
        if (used < n)
            used += (size_t)snprintf(key + used, n - used, "%s%s", k ? "|" : "", sites[min]);
    }
}

static void race_key(const void *p, char *key, size_t n)
{
    const rc_race_data *d = p;
    const rc_rstack *stacks[2] = { &d->cur.stack, &d->prev.stack };
    rc_emit_sites_key(key, n, "data-race", stacks, 2);
}

static void json_race(rc_json *j, const void *p)
{
    const rc_race_data *d = p;
    rc_json_kaddr(j, "address", d->addr);
    json_access(j, "access", &d->cur);
    json_access(j, "previous", &d->prev);
    const rc_rlocation *l = &d->loc;
    rc_json_key(j, "location");
    if (l->kind == RC_LOC_NONE) {
        rc_json_null(j);
    } else {
        rc_json_object(j);
        rc_json_kstr(j, "kind", l->kind == RC_LOC_HEAP ? "heap" : "global");
        if (l->kind == RC_LOC_GLOBAL)
            rc_json_kstr(j, "name", l->name);
        rc_json_kaddr(j, "address", l->start);
        rc_json_kint(j, "size", (long long)l->size);
        if (l->kind == RC_LOC_HEAP) {
            rc_emit_json_goroutine(j, "allocated_by", &l->alloc_by, false);
            rc_emit_json_stack(j, "stack", &l->alloc);
        }
        rc_json_end(j);
    }
    rc_emit_json_created(j, d->created, d->ncreated, NULL);
}

static void text_race_(const void *d) { text_race(d); }

/* ---- entry points --------------------------------------------------------------- */

static const rc_emitter race_emitter = { "data-race", race_key, text_race_, json_race };

void rc_emit_race(const rc_race_data *d)
{
    rc_emit(&race_emitter, d);
}

void rc_emit(const rc_emitter *e, const void *d)
{
    if (!json) {
        out("==================\n");
        e->text(d);
        out("==================\n");
        flush();
        return;
    }
    char key[1400];
    e->key(d, key, sizeof key);
    to_text = true;
    textused = 0;
    out("==================\n");
    e->text(d);
    out("==================\n");
    to_text = false;
    rc_json j;
    rc_json_init(&j, put, NULL);
    rc_json_object(&j);
    rc_json_kstr(&j, "schema", SCHEMA);
    rc_json_kstr(&j, "kind", e->kind);
    rc_json_kint(&j, "pid", (long long)getpid());
    rc_json_kstr(&j, "key", key);
    e->json(&j, d);
    rc_json_key(&j, "text");
    rc_json_strn(&j, textbuf, textused);
    rc_json_end(&j);
    put(NULL, "\n", 1);
    flush();
}

static const struct { const char *json, *text; } kinds[RC_REPORT_NKINDS] = {
    [RC_REPORT_RACE] = { "data_races", "data race(s)" },
    [RC_REPORT_LEAK] = { "leaked_goroutines", "leaked goroutine(s)" },
    [RC_REPORT_DEADLOCK] = { "deadlocks", "deadlock(s)" },
    [RC_REPORT_LOCK_ORDER] = { "lock_order_inversions", "lock-order inversion(s)" },
};

void rc_emit_summary(const int counts[RC_REPORT_NKINDS])
{
    if (json) {
        rc_json j;
        rc_json_init(&j, put, NULL);
        rc_json_object(&j);
        rc_json_kstr(&j, "schema", SCHEMA);
        rc_json_kstr(&j, "kind", "summary");
        rc_json_kint(&j, "pid", (long long)getpid());
        for (int k = 0; k < RC_REPORT_NKINDS; k++)
            rc_json_kint(&j, kinds[k].json, counts[k]);
        rc_json_end(&j);
        put(NULL, "\n", 1);
    } else {
        for (int k = 0; k < RC_REPORT_NKINDS; k++)
            if (counts[k])
                out("Found %d %s\n", counts[k], kinds[k].text);
    }
    flush();
}
