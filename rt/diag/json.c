/* json.c: the streaming JSON writer (see json.h). */
#include "json.h"

#include <stdio.h>
#include <string.h>

void rc_json_init(rc_json *j, void (*write)(void *ctx, const char *p, size_t n), void *ctx)
{
    *j = (rc_json){ .write = write, .ctx = ctx };
}

static void put(rc_json *j, const char *p, size_t n)
{
    if (n)
        j->write(j->ctx, p, n);
}

static bool in_object(const rc_json *j)
{
    return j->depth > 0 && (j->is_object >> (j->depth - 1) & 1);
}

/* Before any value: the comma after a previous array element; in an object a value
 * must follow its key. */
static bool begin_value(rc_json *j)
{
    if (j->want_value) {
        j->want_value = false;
        return true;
    }
    if (in_object(j)) {
        j->error = true;
        return false;
    }
    if (j->depth > 0) {
        uint32_t bit = 1u << (j->depth - 1);
        if (j->has_item & bit)
            put(j, ",", 1);
        j->has_item |= bit;
    }
    return true;
}

static void open_level(rc_json *j, bool object)
{
    if (!begin_value(j))
        return;
    if (j->depth == RC_JSON_MAX_DEPTH) {
        j->error = true;
        return;
    }
    uint32_t bit = 1u << j->depth;
    j->is_object = object ? j->is_object | bit : j->is_object & ~bit;
    j->has_item &= ~bit;
    j->depth++;
    put(j, object ? "{" : "[", 1);
}

void rc_json_object(rc_json *j) { open_level(j, true); }
void rc_json_array(rc_json *j)  { open_level(j, false); }

void rc_json_end(rc_json *j)
{
    if (j->depth == 0 || j->want_value) {
        j->error = true;
        return;
    }
    bool object = in_object(j);
    j->depth--;
    put(j, object ? "}" : "]", 1);
}

/* Length of the valid UTF-8 sequence at p (at most n bytes), 0 if invalid. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
    unsigned char c = p[0];
    size_t len;
    unsigned char lo = 0x80, hi = 0xbf; /* range of the second byte */
    if (c < 0x80)
        return 1;
    else if (c >= 0xc2 && c <= 0xdf)
        len = 2;
    else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        if (c == 0xe0)
            lo = 0xa0;          /* overlong */
        else if (c == 0xed)
            hi = 0x9f;          /* surrogates */
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        if (c == 0xf0)
            lo = 0x90;          /* overlong */
        else if (c == 0xf4)
            hi = 0x8f;          /* past U+10FFFF */
    } else
        return 0;
    if (n < len || p[1] < lo || p[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if ((p[i] & 0xc0) != 0x80)
            return 0;
    return len;
}

static void put_string(rc_json *j, const char *s, size_t n)
{
    char out[256];
    size_t k = 0;
    const unsigned char *p = (const unsigned char *)s;
    out[k++] = '"';
    for (size_t i = 0; i < n;) {
        if (k > sizeof out - 8) {
            put(j, out, k);
            k = 0;
        }
        unsigned char c = p[i];
        const char *esc = NULL;
        switch (c) {
        case '"':  esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        }
        if (esc) {
            out[k++] = esc[0];
            out[k++] = esc[1];
            i++;
        } else if (c < 0x20) {
            k += (size_t)snprintf(out + k, sizeof out - k, "\\u%04x", c);
            i++;
        } else {
            size_t len = utf8_len(p + i, n - i);
            if (len == 0) {
                k += (size_t)snprintf(out + k, sizeof out - k, "\\ufffd");
                i++;
            } else {
                for (size_t m = 0; m < len; m++)
                    out[k++] = (char)p[i++];
            }
        }
    }
    out[k++] = '"';
    put(j, out, k);
}

void rc_json_key(rc_json *j, const char *key)
{
    if (!in_object(j) || j->want_value) {
        j->error = true;
        return;
    }
    uint32_t bit = 1u << (j->depth - 1);
    if (j->has_item & bit)
        put(j, ",", 1);
    j->has_item |= bit;
    put_string(j, key, strlen(key));
    put(j, ":", 1);
    j->want_value = true;
}

void rc_json_strn(rc_json *j, const char *s, size_t n)
{
    if (begin_value(j))
        put_string(j, s, n);
}

void rc_json_str(rc_json *j, const char *s)
{
    rc_json_strn(j, s, strlen(s));
}

static void put_fmt(rc_json *j, const char *fmt, unsigned long long v, bool is_signed)
{
    if (!begin_value(j))
        return;
    char b[32];
    int n = is_signed ? snprintf(b, sizeof b, fmt, (long long)v) : snprintf(b, sizeof b, fmt, v);
    put(j, b, (size_t)n);
}

void rc_json_int(rc_json *j, long long v)           { put_fmt(j, "%lld", (unsigned long long)v, true); }
void rc_json_uint(rc_json *j, unsigned long long v) { put_fmt(j, "%llu", v, false); }
void rc_json_addr(rc_json *j, uintptr_t a)          { put_fmt(j, "\"0x%llx\"", a, false); }

void rc_json_bool(rc_json *j, bool v)
{
    if (begin_value(j))
        put(j, v ? "true" : "false", v ? 4 : 5);
}

void rc_json_null(rc_json *j)
{
    if (begin_value(j))
        put(j, "null", 4);
}

void rc_json_kstr(rc_json *j, const char *key, const char *s)  { rc_json_key(j, key); rc_json_str(j, s); }
void rc_json_kint(rc_json *j, const char *key, long long v)    { rc_json_key(j, key); rc_json_int(j, v); }
void rc_json_kbool(rc_json *j, const char *key, bool v)        { rc_json_key(j, key); rc_json_bool(j, v); }
void rc_json_kaddr(rc_json *j, const char *key, uintptr_t a)   { rc_json_key(j, key); rc_json_addr(j, a); }
