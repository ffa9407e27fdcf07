/*
 * crash.c: the "panic" report (docs/REPORTS.md): every panic and fatal error the
 * runtime prints (rt/diag/panic.c: send on closed channel, negative WaitGroup
 * counter, unlock of unlocked mutex, rc_panic, stack overflow, ...; not "all
 * goroutines are asleep", which is its own kind, hang.c) also becomes a report in JSON
 * mode, written before the process dies, so that a JSON, SARIF or exploring consumer
 * (racecheck --explore) sees it. In text mode the fatal error's own text on stderr is
 * the report: nothing more is written. A panic is not counted in the exit summary: the
 * program dies of it with status 2.
 *
 * Its key is the message and the dying goroutine's innermost user frame, so the same
 * panic from the same place is one report across runs and schedules.
 */
#include "emit.h"
#include "race.h"
#include "report.h"

#include <stdio.h>
#include <string.h>

bool rc_report_is_json(void); /* emit.c */

typedef struct crash {
    const char   *msg;
    bool          fatal;
    const char   *text;    /* what was printed on stderr */
    size_t        len;
    rc_rgoroutine g;       /* id 0: none (a thread of the runtime's own) */
    rc_rstack     stack;
} crash;

static void crash_key(const void *p, char *key, size_t n)
{
    const crash *c = p;
    char site[600];
    rc_emit_site(&c->stack, site, sizeof site);
    snprintf(key, n, "panic:%s: %s|%s", c->fatal ? "fatal error" : "panic", c->msg, site);
}

static void crash_text(const void *p)
{
    const crash *c = p;
    for (size_t i = 0; i < c->len; i += 1024) { /* rc_emit_out's line is bounded */
        int k = (int)(c->len - i < 1024 ? c->len - i : 1024);
        rc_emit_out("%.*s", k, c->text + i);
    }
}

static void crash_json(rc_json *j, const void *p)
{
    const crash *c = p;
    rc_json_kstr(j, "message", c->msg);
    rc_json_kbool(j, "fatal", c->fatal);
    rc_emit_json_goroutine(j, "goroutine", &c->g, false); /* null: none */
    rc_emit_json_stack(j, "stack", &c->stack);
}

static const rc_emitter crash_emitter = { "panic", crash_key, crash_text, crash_json };

/* The hooks.h panic hook (rc_out_lock held). */
void rc_race_panic(const char *msg, bool fatal, const char *text, size_t len,
                   const uintptr_t *pcs, int n)
{
    if (!rc_report_is_json())
        return;
    static crash c;
    memset(&c, 0, sizeof c);
    c.msg = msg;
    c.fatal = fatal;
    c.text = text;
    c.len = len;
    rc_m *m = rc_getm();
    if (m && m->curg)
        c.g = (rc_rgoroutine){ .id = m->curg->id, .is_main = m->curg->is_main };
    rc_report_frames_reset();
    rc_report_stack(&c.stack, pcs, n);
    rc_emit(&crash_emitter, &c);
}
