/*
 * json_read.c: the JSON reader and the pretty-printing filter (json_read.h).
 * A recursive descent over RFC 8259, bounded in depth; any deviation makes the whole
 * parse fail (a report line the runtime wrote is either whole or not used).
 */
#include "json_read.h"

#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 64

typedef struct cur { const char *p, *end; int depth; } cur;

static void ws(cur *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
        c->p++;
}

static jv *new_value(jv_type t)
{
    jv *v = calloc(1, sizeof *v);
    if (!v) {
        perror("racecheck");
        exit(2);
    }
    v->t = t;
    return v;
}

static int hex4(const char *p)
{
    int x = 0;
    for (int i = 0; i < 4; i++) {
        char ch = p[i];
        int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
              : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
        if (d < 0)
            return -1;
        x = x * 16 + d;
    }
    return x;
}

static size_t utf8(char *o, unsigned cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xc0 | cp >> 6);
        o[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xe0 | cp >> 12);
        o[1] = (char)(0x80 | (cp >> 6 & 0x3f));
        o[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    o[0] = (char)(0xf0 | cp >> 18);
    o[1] = (char)(0x80 | (cp >> 12 & 0x3f));
    o[2] = (char)(0x80 | (cp >> 6 & 0x3f));
    o[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

/* A string at c->p (on its opening quote), decoded; NULL if malformed. Decoding
 * never grows the text, so the input length bounds the output. */
static char *string(cur *c)
{
    if (c->p == c->end || *c->p != '"')
        return NULL;
    const char *p = ++c->p;
    char *out = malloc((size_t)(c->end - p) + 1), *o = out;
    if (!out)
        return NULL;
    while (p < c->end && *p != '"') {
        unsigned char ch = (unsigned char)*p;
        if (ch < 0x20)
            goto bad;
        if (ch != '\\') {
            *o++ = *p++;
            continue;
        }
        if (++p == c->end)
            goto bad;
        switch (*p++) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/': *o++ = '/'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
            if (c->end - p < 4)
                goto bad;
            int cp = hex4(p);
            if (cp < 0)
                goto bad;
            p += 4;
            if (cp >= 0xd800 && cp < 0xdc00 && c->end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
                int lo = hex4(p + 2);
                if (lo >= 0xdc00 && lo < 0xe000) {
                    cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                    p += 6;
                }
            }
            if (cp >= 0xd800 && cp < 0xe000)
                cp = 0xfffd; /* a lone surrogate */
            o += utf8(o, (unsigned)cp);
            break;
        }
        default:
            goto bad;
        }
    }
    if (p == c->end)
        goto bad;
    c->p = p + 1;
    *o = 0;
    return out;
bad:
    free(out);
    return NULL;
}

static jv *value(cur *c);

static void push(jv *v, char *key, jv *item)
{
    if ((v->n & (v->n - 1)) == 0) { /* capacity: powers of two */
        size_t cap = v->n ? 2 * v->n : 1;
        v->items = realloc(v->items, cap * sizeof *v->items);
        if (v->t == JV_OBJ)
            v->keys = realloc(v->keys, cap * sizeof *v->keys);
        if (!v->items || (v->t == JV_OBJ && !v->keys)) {
            perror("racecheck");
            exit(2);
        }
    }
    if (v->t == JV_OBJ)
        v->keys[v->n] = key;
    v->items[v->n++] = item;
}

static jv *container(cur *c, bool obj)
{
    if (++c->depth > MAX_DEPTH)
        return NULL;
    jv *v = new_value(obj ? JV_OBJ : JV_ARR);
    c->p++;
    ws(c);
    if (c->p < c->end && *c->p == (obj ? '}' : ']')) {
        c->p++;
        c->depth--;
        return v;
    }
    for (;;) {
        char *key = NULL;
        if (obj) {
            ws(c);
            if (!(key = string(c)))
                goto bad;
            ws(c);
            if (c->p == c->end || *c->p != ':') {
                free(key);
                goto bad;
            }
            c->p++;
        }
        jv *item = value(c);
        if (!item) {
            free(key);
            goto bad;
        }
        push(v, key, item);
        ws(c);
        if (c->p == c->end)
            goto bad;
        if (*c->p == ',') {
            c->p++;
            continue;
        }
        if (*c->p != (obj ? '}' : ']'))
            goto bad;
        c->p++;
        c->depth--;
        return v;
    }
bad:
    jv_free(v);
    return NULL;
}

static jv *number(cur *c)
{
    const char *p = c->p;
    if (p < c->end && *p == '-')
        p++;
    if (p == c->end || *p < '0' || *p > '9')
        return NULL;
    if (*p == '0')
        p++;
    else
        while (p < c->end && *p >= '0' && *p <= '9')
            p++;
    if (p < c->end && *p == '.') {
        const char *d = ++p;
        while (p < c->end && *p >= '0' && *p <= '9')
            p++;
        if (p == d)
            return NULL;
    }
    if (p < c->end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < c->end && (*p == '+' || *p == '-'))
            p++;
        const char *d = p;
        while (p < c->end && *p >= '0' && *p <= '9')
            p++;
        if (p == d)
            return NULL;
    }
    char tmp[64];
    size_t len = (size_t)(p - c->p);
    if (len >= sizeof tmp)
        return NULL;
    memcpy(tmp, c->p, len);
    tmp[len] = 0;
    jv *v = new_value(JV_NUM);
    v->num = strtod(tmp, NULL);
    c->p = p;
    return v;
}

static bool literal(cur *c, const char *lit)
{
    size_t n = strlen(lit);
    if ((size_t)(c->end - c->p) < n || memcmp(c->p, lit, n))
        return false;
    c->p += n;
    return true;
}

static jv *value(cur *c)
{
    ws(c);
    if (c->p == c->end)
        return NULL;
    switch (*c->p) {
    case '{': return container(c, true);
    case '[': return container(c, false);
    case '"': {
        char *s = string(c);
        if (!s)
            return NULL;
        jv *v = new_value(JV_STR);
        v->s = s;
        return v;
    }
    case 't':
    case 'f': {
        bool t = *c->p == 't';
        if (!literal(c, t ? "true" : "false"))
            return NULL;
        jv *v = new_value(JV_BOOL);
        v->b = t;
        return v;
    }
    case 'n':
        return literal(c, "null") ? new_value(JV_NULL) : NULL;
    default:
        return number(c);
    }
}

jv *jv_parse(const char *s, size_t n)
{
    cur c = { s, s + n, 0 };
    jv *v = value(&c);
    ws(&c);
    if (v && c.p != c.end) {
        jv_free(v);
        return NULL;
    }
    return v;
}

void jv_free(jv *v)
{
    if (!v)
        return;
    for (size_t i = 0; i < v->n; i++) {
        if (v->keys)
            free(v->keys[i]);
        jv_free(v->items[i]);
    }
    free(v->keys);
    free(v->items);
    free(v->s);
    free(v);
}

const jv *jv_get(const jv *obj, const char *key)
{
    if (!obj || obj->t != JV_OBJ)
        return NULL;
    for (size_t i = 0; i < obj->n; i++)
        if (!strcmp(obj->keys[i], key))
            return obj->items[i];
    return NULL;
}

const char *jv_str(const jv *obj, const char *key)
{
    const jv *v = jv_get(obj, key);
    return v && v->t == JV_STR ? v->s : NULL;
}

long long jv_int(const jv *obj, const char *key, long long def)
{
    const jv *v = jv_get(obj, key);
    return v && v->t == JV_NUM ? (long long)v->num : def;
}

/* ---- pretty printing ------------------------------------------------------------ */

static void newline(jv_pretty *pp)
{
    fputc('\n', pp->f);
    for (int i = 0; i < pp->depth; i++)
        fputs("  ", pp->f);
}

void jv_pretty_write(void *ctx, const char *p, size_t n)
{
    jv_pretty *pp = ctx;
    for (size_t i = 0; i < n; i++) {
        char ch = p[i];
        if (pp->in_str) {
            fputc(ch, pp->f);
            if (pp->esc)
                pp->esc = false;
            else if (ch == '\\')
                pp->esc = true;
            else if (ch == '"')
                pp->in_str = false;
            continue;
        }
        bool closing = ch == '}' || ch == ']', was_open = pp->open;
        pp->open = false;
        if (closing) { /* [] and {} stay on one line */
            if (pp->depth > 0)
                pp->depth--;
            if (!was_open)
                newline(pp);
            fputc(ch, pp->f);
            continue;
        }
        if (was_open)
            newline(pp);
        fputc(ch, pp->f);
        if (ch == '"') {
            pp->in_str = true;
        } else if (ch == '{' || ch == '[') {
            pp->depth++;
            pp->open = true;
        } else if (ch == ',') {
            newline(pp);
        } else if (ch == ':') {
            fputc(' ', pp->f);
        }
    }
}
