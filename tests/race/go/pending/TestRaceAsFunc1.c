// Port of Go's TestRaceAsFunc1 (runtime/race/testdata/mop_test.go): the goroutine assigns
// s (a slice header: array, length, capacity) from a function literal's results while
// main converts s to a string, which reads the header. The error result is a nil
// interface, here a NULL message. The string's pointer is kept in a volatile (Go: _ =
// string(s)) so that C's optimiser keeps the reads.
//
// PENDING (detector gap): a struct larger than 16 bytes passed by value is passed as a
// byval pointer in LLVM IR; the caller's copy is made by the code generator, after the
// pass, so the read of the header s by to_string(e.s) is never checked and the race is
// missed at -O0 (at -O2 to_string is inlined and the reads are plain loads). Any
// non-inlined call with such an argument misses its read.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"
#include <stdlib.h>
#include <string.h>

typedef struct { const char *ptr; int64_t len; } string;
typedef struct { uint8_t *array; int64_t len, cap; } bytes;
typedef struct { bytes s; const char *err; } results; /* Go: ([]byte, error) */
typedef struct { bytes s; rc_chan *c; } env;

/* Go's []byte(str): a new array holding a copy of the string's bytes. */
static bytes to_bytes(string str)
{
    uint8_t *a = malloc((size_t)(str.len ? str.len : 1));
    if (!a)
        abort();
    memcpy(a, str.ptr, (size_t)str.len);
    return (bytes){ a, str.len, str.len };
}

/* Go's string(b): a new string holding a copy of the slice's bytes. */
static string to_string(bytes b)
{
    if (b.len == 0)
        return (string){ "", 0 };
    char *p = malloc((size_t)b.len);
    if (!p)
        abort();
    memcpy(p, b.array, (size_t)b.len);
    return (string){ p, b.len };
}

static results literal(void)
{
    bytes t = to_bytes((string){ "hello world", 11 });
    return (results){ t, NULL };
}

static void worker(void *arg)
{
    env *e = arg;
    const char *err;
    results r = literal();
    e->s = r.s, err = r.err; /* Go: s, err = func() ([]byte, error) {...}() */ // @g
    rc_chan_send(e->c, &(bool){true});
    (void)err;
}

int main(void)
{
    env e = { .c = rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    string r = to_string(e.s); /* Go: _ = string(s) */ // @main
    const char *volatile keep = r.ptr;
    (void)keep;
    rc_chan_recv(e.c, NULL);
    return 0;
}
