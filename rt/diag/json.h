/*
 * json.h: a small streaming JSON writer (json.c), for machine-readable reports.
 *
 * It allocates nothing and owns no buffer: every piece of output goes to the write
 * callback, so it works inside the detector (no malloc) and in a command-line tool
 * (write = fwrite) alike. It places the commas and escapes strings (control
 * characters as \n or \u00XX; bytes that are not valid UTF-8 as \ufffd), so any C
 * string becomes a valid JSON string. Numbers are integers; addresses are strings
 * ("0x7f..."), since JSON readers lose integers past 2^53.
 *
 *   rc_json j;
 *   rc_json_init(&j, write, ctx);
 *   rc_json_object(&j);
 *   rc_json_key(&j, "kind"); rc_json_str(&j, "summary");
 *   rc_json_key(&j, "data_races"); rc_json_int(&j, 2);
 *   rc_json_end(&j);                    ->  {"kind":"summary","data_races":2}
 *
 * Misuse (a value where a key is due, more than RC_JSON_MAX_DEPTH levels, ending a
 * level that was never opened) sets j->error and is otherwise ignored.
 */
#ifndef RC_JSON_H
#define RC_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RC_JSON_MAX_DEPTH 32

typedef struct rc_json {
    void   (*write)(void *ctx, const char *p, size_t n);
    void    *ctx;
    unsigned depth;
    uint32_t is_object;  /* bit d: level d is an object (else an array) */
    uint32_t has_item;   /* bit d: level d has a member already (a comma is due) */
    bool     want_value; /* a key was written: its value is next */
    bool     error;
} rc_json;

void rc_json_init(rc_json *j, void (*write)(void *ctx, const char *p, size_t n), void *ctx);

void rc_json_object(rc_json *j);   /* { */
void rc_json_array(rc_json *j);    /* [ */
void rc_json_end(rc_json *j);      /* } or ], whichever is open */

void rc_json_key(rc_json *j, const char *key);
void rc_json_str(rc_json *j, const char *s);
void rc_json_strn(rc_json *j, const char *s, size_t n);
void rc_json_int(rc_json *j, long long v);
void rc_json_uint(rc_json *j, unsigned long long v);
void rc_json_bool(rc_json *j, bool v);
void rc_json_null(rc_json *j);
void rc_json_addr(rc_json *j, uintptr_t a);   /* "0x..." */

/* key + value in one call, for the common case */
void rc_json_kstr(rc_json *j, const char *key, const char *s);
void rc_json_kint(rc_json *j, const char *key, long long v);
void rc_json_kbool(rc_json *j, const char *key, bool v);
void rc_json_kaddr(rc_json *j, const char *key, uintptr_t a);

#endif
