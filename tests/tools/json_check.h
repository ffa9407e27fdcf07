/*
 * json_check.h: a strict JSON well-formedness check (RFC 8259) for tests that read
 * the detector's JSON reports. json_check(s, n) is true when s[0..n) is exactly one
 * JSON value, with optional whitespace around it. Header-only: include it in the
 * test program.
 */
#ifndef RC_TEST_JSON_CHECK_H
#define RC_TEST_JSON_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

typedef struct { const char *p, *end; int depth; } json_cur;

static void jc_ws(json_cur *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
        c->p++;
}

static bool jc_lit(json_cur *c, const char *lit)
{
    size_t n = strlen(lit);
    if ((size_t)(c->end - c->p) < n || memcmp(c->p, lit, n) != 0)
        return false;
    c->p += n;
    return true;
}

static bool jc_hex(char ch)
{
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
}

static bool jc_string(json_cur *c)
{
    if (c->p == c->end || *c->p != '"')
        return false;
    c->p++;
    while (c->p < c->end) {
        unsigned char ch = (unsigned char)*c->p++;
        if (ch == '"')
            return true;
        if (ch < 0x20)
            return false;
        if (ch == '\\') {
            if (c->p == c->end)
                return false;
            char e = *c->p++;
            if (e == 'u') {
                for (int i = 0; i < 4; i++)
                    if (c->p == c->end || !jc_hex(*c->p++))
                        return false;
            } else if (!strchr("\"\\/bfnrt", e) || e == 0) {
                return false;
            }
        }
    }
    return false;
}

static bool jc_digits(json_cur *c)
{
    const char *s = c->p;
    while (c->p < c->end && *c->p >= '0' && *c->p <= '9')
        c->p++;
    return c->p > s;
}

static bool jc_number(json_cur *c)
{
    if (c->p < c->end && *c->p == '-')
        c->p++;
    if (c->p < c->end && *c->p == '0')
        c->p++;
    else if (!jc_digits(c))
        return false;
    if (c->p < c->end && *c->p == '.') {
        c->p++;
        if (!jc_digits(c))
            return false;
    }
    if (c->p < c->end && (*c->p == 'e' || *c->p == 'E')) {
        c->p++;
        if (c->p < c->end && (*c->p == '+' || *c->p == '-'))
            c->p++;
        if (!jc_digits(c))
            return false;
    }
    return true;
}

static bool jc_value(json_cur *c);

static bool jc_members(json_cur *c, char close, bool object)
{
    c->p++; /* the opening bracket */
    if (++c->depth > 64)
        return false;
    jc_ws(c);
    if (c->p < c->end && *c->p == close) {
        c->p++;
        c->depth--;
        return true;
    }
    for (;;) {
        jc_ws(c);
        if (object) {
            if (!jc_string(c))
                return false;
            jc_ws(c);
            if (c->p == c->end || *c->p++ != ':')
                return false;
        }
        if (!jc_value(c))
            return false;
        jc_ws(c);
        if (c->p == c->end)
            return false;
        char ch = *c->p++;
        if (ch == close) {
            c->depth--;
            return true;
        }
        if (ch != ',')
            return false;
    }
}

static bool jc_value(json_cur *c)
{
    jc_ws(c);
    if (c->p == c->end)
        return false;
    switch (*c->p) {
    case '{': return jc_members(c, '}', true);
    case '[': return jc_members(c, ']', false);
    case '"': return jc_string(c);
    case 't': return jc_lit(c, "true");
    case 'f': return jc_lit(c, "false");
    case 'n': return jc_lit(c, "null");
    default:  return jc_number(c);
    }
}

static bool json_check(const char *s, size_t n)
{
    json_cur c = { s, s + n, 0 };
    if (!jc_value(&c))
        return false;
    jc_ws(&c);
    return c.p == c.end;
}

#endif
