// Port of Go's TestRaceIssue5654 (runtime/race/testdata/mop_test.go): the goroutine
// reads a bytes.Buffer into buf and sends buf[:n]; main appends string(s) to res. The
// unbuffered receive orders main after the send, but not main's copy of s before the
// goroutine's next Read into the same buf. bytes.Buffer's Read is Go code (a copy out of
// its array); res += string(s) copies s's bytes into a new string; both are written out
// here with Go slices and strings as headers.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:read}}
// STDERR-ANY: {{FILE}}:{{LINE:concat}}
#include "../gotest.h"
#include <stdlib.h>
#include <string.h>

typedef struct { const char *ptr; int64_t len; } string;
typedef struct { uint8_t *array; int64_t len, cap; } bytes;
typedef struct { string buf; int64_t off; } Buffer; /* bytes.Buffer, reading side only */
typedef struct { Buffer *data; rc_chan *in; } env;

static const char text[] = "Friends, Romans, countrymen, lend me your ears;\n"
                           "I come to bury Caesar, not to praise him.\n"
                           "The evil that men do lives after them;\n"
                           "The good is oft interred with their bones;\n"
                           "So let it be with Caesar. The noble Brutus\n"
                           "Hath told you Caesar was ambitious:\n"
                           "If it were so, it was a grievous fault,\n"
                           "And grievously hath Caesar answer'd it.\n"
                           "Here, under leave of Brutus and the rest -\n"
                           "For Brutus is an honourable man;\n"
                           "So are they all, all honourable men -\n"
                           "Come I to speak in Caesar's funeral.\n"
                           "He was my friend, faithful and just to me:\n"
                           "But Brutus says he was ambitious;\n"
                           "And Brutus is an honourable man.";

/* b.Read(p): copies the unread bytes into p; io.EOF (*eof) once none are left. */
static int64_t Buffer_Read(Buffer *b, bytes p, bool *eof)
{
    int64_t n = b->buf.len - b->off;
    if (n == 0) {
        *eof = p.len != 0;
        return 0;
    }
    if (n > p.len)
        n = p.len;
    memmove(p.array, b->buf.ptr + b->off, (size_t)n);
    b->off += n;
    return n;
}

/* a + b: a new string holding both strings' bytes. */
static string concat(string a, string b)
{
    char *p = malloc((size_t)(a.len + b.len + 1));
    if (!p)
        abort();
    memcpy(p, a.ptr, (size_t)a.len);
    memcpy(p + a.len, b.ptr, (size_t)b.len);
    return (string){ p, a.len + b.len };
}

static void reader(void *arg)
{
    env *e = arg;
    bytes buf = { calloc(16, 1), 16, 16 };
    if (!buf.array)
        abort();
    int64_t n = 0;
    bool eof = false;
    for (; !eof; n = Buffer_Read(e->data, buf, &eof)) { // @read
        bytes s = { buf.array, n, buf.cap }; /* buf[:n] */
        rc_chan_send(e->in, &s);
    }
    rc_chan_close(e->in);
}

int main(void)
{
    Buffer data = { { text, sizeof text - 1 }, 0 };
    env e = { &data, rc_chan_make(sizeof(bytes), 0) };
    rc_go(reader, &e);
    string res = { "", 0 };
    bytes s;
    while (rc_chan_recv(e.in, &s)) /* for s := range in { res += string(s) } */
        res = concat(res, (string){ (const char *)s.array, s.len }); // @concat
    const char *volatile keep = res.ptr; /* Go: _ = res */
    (void)keep;
    return 0;
}
