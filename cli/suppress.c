/*
 * suppress.c: --suppressions files, in TSan's format: one `TYPE:PATTERN` a line,
 * `#` comments and blank lines ignored. TYPE race covers data-race, leak covers
 * goroutine-leak, deadlock covers deadlock, lock-order-inversion and
 * all-goroutines-asleep (the table in reports.c). PATTERN matches as TSan's
 * templates: `*` is any run of characters, a leading `^` anchors it at the start, a
 * trailing `$` at the end, else it may match anywhere. A report is suppressed when a
 * pattern of its type matches the function or the file of any frame in any of its
 * stacks (or, for a data race, the name of the global it is about).
 */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

typedef struct supp {
    char type[16];
    char *pattern;
} supp;

static supp *supps;
static int nsupps;

static const char *const types[] = { "race", "leak", "deadlock" };

/* Does p (up to its end or a '$' that ends it) match s from its start? */
static bool match_here(const char *p, const char *s, bool anchored_end)
{
    for (; *p; p++, s++) {
        if (*p == '*') {
            while (p[1] == '*')
                p++;
            if (!p[1])
                return true;
            for (const char *t = s; *t; t++)
                if (match_here(p + 1, t, anchored_end))
                    return true;
            return match_here(p + 1, s + strlen(s), anchored_end);
        }
        if (*p == '$' && !p[1] && anchored_end)
            return !*s;
        if (*s != *p)
            return false;
    }
    return !anchored_end || !*s;
}

static bool template_match(const char *pat, const char *s)
{
    if (!s || !*s)
        return false;
    size_t n = strlen(pat);
    bool end = n > 0 && pat[n - 1] == '$';
    if (pat[0] == '^')
        return match_here(pat + 1, s, end);
    for (const char *t = s;; t++) {
        if (match_here(pat, t, end))
            return true;
        if (!*t)
            return false;
    }
}

bool suppress_load(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "racecheck: %s: %s\n", path, strerror(errno));
        return false;
    }
    char *line = NULL;
    size_t cap = 0;
    int no = 0;
    bool ok = true;
    while (ok && getline(&line, &cap, f) >= 0) {
        no++;
        char *s = line, *e = line + strlen(line);
        while (*s == ' ' || *s == '\t')
            s++;
        while (e > s && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
            *--e = 0;
        if (!*s || *s == '#')
            continue;
        char *colon = strchr(s, ':');
        size_t tlen = colon ? (size_t)(colon - s) : 0;
        bool known = false;
        for (size_t i = 0; colon && i < sizeof types / sizeof *types; i++)
            known |= strlen(types[i]) == tlen && !strncmp(types[i], s, tlen);
        if (!colon) {
            fprintf(stderr, "racecheck: %s:%d: want TYPE:PATTERN (race:, leak: or "
                    "deadlock:), got '%s'\n", path, no, s);
            ok = false;
        } else if (!known) {
            fprintf(stderr, "racecheck: %s:%d: unknown suppression type '%.*s' (want race, "
                    "leak or deadlock)\n", path, no, (int)tlen, s);
            ok = false;
        } else if (!colon[1]) {
            fprintf(stderr, "racecheck: %s:%d: empty pattern after '%.*s:'\n", path, no,
                    (int)tlen, s);
            ok = false;
        } else {
            supps = realloc(supps, (size_t)(nsupps + 1) * sizeof *supps);
            supp *sp = &supps[nsupps++];
            snprintf(sp->type, sizeof sp->type, "%.*s", (int)tlen, s);
            sp->pattern = strdup(colon + 1);
        }
    }
    if (ok && ferror(f)) {
        fprintf(stderr, "racecheck: %s: %s\n", path, strerror(errno));
        ok = false;
    }
    free(line);
    fclose(f);
    return ok;
}

/* Any frame ({"function","file",...}) below v matching pat. */
static bool any_frame(const jv *v, const char *pat)
{
    if (!v)
        return false;
    if (v->t == JV_OBJ && jv_get(v, "function") && jv_get(v, "line") &&
        (template_match(pat, jv_str(v, "function")) || template_match(pat, jv_str(v, "file"))))
        return true;
    if (v->t != JV_OBJ && v->t != JV_ARR)
        return false;
    for (size_t i = 0; i < v->n; i++)
        if (any_frame(v->items[i], pat))
            return true;
    return false;
}

const char *suppress_match(const char *kind, const jv *r)
{
    const char *type = kind_info(kind)->supp;
    if (!type)
        return NULL;
    for (int i = 0; i < nsupps; i++) {
        if (strcmp(supps[i].type, type))
            continue;
        if (any_frame(r, supps[i].pattern))
            return supps[i].pattern;
        const jv *loc = jv_get(r, "location");
        if (!strcmp(kind, "data-race") && template_match(supps[i].pattern, jv_str(loc, "name")))
            return supps[i].pattern;
    }
    return NULL;
}
