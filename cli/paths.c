/*
 * paths.c: where a report points, for SARIF and GitHub annotations: its stacks (every
 * array of frames in its JSON object, whatever its kind), their labels, its primary
 * location, and file names as seen from the source root (--strip-path-prefix, else
 * relative to the working directory when under it), so that locations and
 * fingerprints do not depend on where the sources were checked out.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *cwd(void)
{
    static char buf[4096];
    static bool done;
    if (!done && !getcwd(buf, sizeof buf - 1))
        buf[0] = 0;
    done = true;
    return buf;
}

const char *rel_path(const char *file, char *buf, size_t n)
{
    size_t sl = opt.strip_prefix ? strlen(opt.strip_prefix) : 0;
    if (sl && !strncmp(file, opt.strip_prefix, sl))
        file += sl;
    const char *d = cwd();
    size_t dl = strlen(d);
    if (file[0] == '/' && dl > 1 && !strncmp(file, d, dl) && file[dl] == '/')
        file += dl + 1;
    snprintf(buf, n, "%s", file);
    return buf;
}

void stable_key(const char *key, char *buf, size_t n)
{
    char pre[4100];
    snprintf(pre, sizeof pre, "%s/", cwd());
    size_t pl = strlen(pre), o = 0;
    while (*key && o + 1 < n) {
        if (pl > 1 && !strncmp(key, pre, pl))
            key += pl;
        else
            buf[o++] = *key++;
    }
    buf[o] = 0;
}

static bool is_frame(const jv *v)
{
    return v && v->t == JV_OBJ && jv_get(v, "function") && jv_get(v, "line");
}

bool frame_loc(const jv *f, rc_loc *l)
{
    l->func = jv_str(f, "function");
    l->file = jv_str(f, "file");
    l->line = jv_int(f, "line", 0);
    return l->file && l->line > 0;
}

bool stack_top(const jv *frames, rc_loc *l)
{
    for (size_t i = 0; i < frames->n; i++)
        if (frame_loc(frames->items[i], l))
            return true;
    return false;
}

static void walk(const jv *v, char *path, size_t len, stack_fn fn, void *ctx)
{
    if (v->t == JV_ARR && v->n > 0 && is_frame(v->items[0])) {
        fn(path, v, ctx);
        return;
    }
    if (v->t != JV_ARR && v->t != JV_OBJ)
        return;
    for (size_t i = 0; i < v->n; i++) {
        size_t l = len;
        if (v->t == JV_OBJ)
            l += (size_t)snprintf(path + len, 512 - len, "%s%s", len ? "." : "", v->keys[i]);
        else
            l += (size_t)snprintf(path + len, 512 - len, "[%zu]", i);
        if (l < 500)
            walk(v->items[i], path, l, fn, ctx);
        path[len] = 0;
    }
}

void report_stacks(const rc_report *r, stack_fn fn, void *ctx)
{
    char path[512] = "";
    walk(r->obj, path, 0, fn, ctx);
}

/* "write by goroutine 2" from an access object. */
static void access_words(const jv *a, char *b, size_t n)
{
    const char *kind = jv_str(a, "kind");
    const char *who = jv_str(jv_get(a, "goroutine"), "name");
    snprintf(b, n, "%s by %s", kind ? kind : "access", who ? who : "unknown goroutine");
}

void stack_label(const rc_report *r, const char *path, char *b, size_t n)
{
    const jv *o = r->obj;
    char w[200];
    unsigned idx;
    if (!strcmp(path, "access.stack")) {
        access_words(jv_get(o, "access"), w, sizeof w);
        snprintf(b, n, "%c%s", w[0] - 'a' + 'A', w + 1);
    } else if (!strcmp(path, "previous.stack")) {
        access_words(jv_get(o, "previous"), w, sizeof w);
        snprintf(b, n, "Previous %s", w);
    } else if (!strcmp(path, "location.stack")) {
        snprintf(b, n, "Heap block allocated");
    } else if (sscanf(path, "goroutines[%u].", &idx) == 1 && strstr(path, "created_at")) {
        const jv *gs = jv_get(o, "goroutines"), *g = gs && idx < gs->n ? gs->items[idx] : NULL;
        const char *name = jv_str(g, "name");
        long long id = jv_int(g, "id", 0);
        if (name)
            snprintf(b, n, "%c%s created", name[0] - 'a' + 'A', name + 1);
        else
            snprintf(b, n, "Goroutine %lld created", id);
    } else if (sscanf(path, "goroutines[%u].", &idx) == 1 && strstr(path, "stack")) {
        const jv *gs = jv_get(o, "goroutines"), *g = gs && idx < gs->n ? gs->items[idx] : NULL;
        const char *why = jv_str(g, "wait_reason"), *state = jv_str(g, "state");
        snprintf(b, n, "Goroutine %lld [%s]", jv_int(g, "id", 0),
                 why ? why : state ? state : "?");
    } else if (!strcmp(path, "stack")) {
        const char *why = jv_str(o, "wait_reason");
        if (why)
            snprintf(b, n, "Blocked in %s", why);
        else
            snprintf(b, n, "Stack");
    } else if (!strcmp(path, "created_at")) {
        snprintf(b, n, "Created");
    } else {
        snprintf(b, n, "%s", path);
    }
}

struct first { rc_loc *l; bool found; };

static void first_top(const char *path, const jv *frames, void *ctx)
{
    struct first *f = ctx;
    (void)path;
    if (!f->found)
        f->found = stack_top(frames, f->l);
}

bool report_primary(const rc_report *r, rc_loc *l)
{
    struct first f = { l, false };
    report_stacks(r, first_top, &f);
    return f.found;
}

/* "write by goroutine 2 at examples/a.c:15" */
static void access_at(const jv *a, char *b, size_t n)
{
    char w[200], rb[1024];
    rc_loc l;
    access_words(a, w, sizeof w);
    const jv *st = jv_get(a, "stack");
    if (st && st->t == JV_ARR && stack_top(st, &l))
        snprintf(b, n, "%s at %s:%lld", w, rel_path(l.file, rb, sizeof rb), l.line);
    else
        snprintf(b, n, "%s", w);
}

void report_sentence(const rc_report *r, char *b, size_t n)
{
    const jv *o = r->obj;
    if (!strcmp(r->kind, "data-race")) {
        char cur[1300], prev[1300], where[400] = "";
        access_at(jv_get(o, "access"), cur, sizeof cur);
        access_at(jv_get(o, "previous"), prev, sizeof prev);
        const jv *loc = jv_get(o, "location");
        const char *lk = jv_str(loc, "kind");
        if (lk && !strcmp(lk, "global"))
            snprintf(where, sizeof where, " on global '%s'", jv_str(loc, "name"));
        else if (lk && !strcmp(lk, "heap"))
            snprintf(where, sizeof where, " on a heap block of size %lld", jv_int(loc, "size", 0));
        snprintf(b, n, "Data race%s: %s, previous %s", where, cur, prev);
        return;
    }
    if (!strcmp(r->kind, "goroutine-leak")) {
        const char *why = jv_str(o, "wait_reason");
        snprintf(b, n, "Goroutine leak: %lld goroutine(s) blocked forever in %s",
                 jv_int(o, "count", 1), why ? why : "?");
        return;
    }
    /* else the text's first line: "fatal error: ..." as it is, "WARNING: X: what" as
     * "<title>: what" */
    const char *t = r->text, *title = kind_info(r->kind)->title;
    while (!strncmp(t, "==================\n", 19))
        t += 19;
    size_t len = strcspn(t, "\n");
    const char *colon;
    if (!strncmp(t, "fatal error: ", 13))
        snprintf(b, n, "%.*s", (int)len, t);
    else if (!strncmp(t, "WARNING: ", 9) && (colon = memchr(t + 9, ':', len - 9)) && colon[1] == ' ')
        snprintf(b, n, "%s: %.*s", title, (int)(len - (size_t)(colon + 2 - t)), colon + 2);
    else if (!strncmp(t, "WARNING: ", 9))
        snprintf(b, n, "%s", title);
    else
        snprintf(b, n, "%s: %.*s", title, (int)len, t);
}
