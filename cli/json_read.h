/*
 * json_read.h: a small JSON reader for the detector's report lines (json_read.c):
 * parses one text into a tree of jv values (strings decoded to UTF-8, numbers as
 * double), and lookups on it. Also a pretty-printing filter for rt/diag/json.c's
 * compact output, so that SARIF reads (and greps) one member per line.
 */
#ifndef RC_CLI_JSON_READ_H
#define RC_CLI_JSON_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum { JV_NULL, JV_BOOL, JV_NUM, JV_STR, JV_ARR, JV_OBJ } jv_type;

typedef struct jv {
    jv_type     t;
    bool        b;
    double      num;
    char       *s;      /* JV_STR */
    size_t      n;      /* JV_ARR, JV_OBJ: items */
    char      **keys;   /* JV_OBJ: the member names, in order */
    struct jv **items;
} jv;

/* The value s[0..n) holds, or NULL when it is not exactly one JSON value. */
jv *jv_parse(const char *s, size_t n);
void jv_free(jv *v);

/* Lookups; NULL (or the default) when absent or of another type. */
const jv *jv_get(const jv *obj, const char *key);
const char *jv_str(const jv *obj, const char *key);           /* a string member */
long long jv_int(const jv *obj, const char *key, long long def);

/* A writer for rc_json_init (ctx: a jv_pretty) that indents compact JSON. */
typedef struct jv_pretty {
    FILE *f;
    int   depth;
    bool  in_str, esc, open; /* open: a [ or { whose first item has not come yet */
} jv_pretty;
void jv_pretty_write(void *ctx, const char *p, size_t n);

#endif
