// Large elements (1 KiB and 16 KiB structs) pass intact through buffered and
// unbuffered channels and select, between goroutines on several threads.
// STDOUT: 1 KiB buffered: 2000 values intact
// STDOUT: 1 KiB unbuffered: 2000 values intact
// STDOUT: 16 KiB unbuffered: 200 values intact
// STDOUT: 1 KiB select: 2000 values intact
// STDOUT-NOT: FAIL
#include <racecheck.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { unsigned char b[1024]; } kib;
typedef struct { unsigned char b[16384]; } kib16;

typedef struct { rc_chan *c; size_t size; int n; bool sel; } job;

static void fill(unsigned char *p, size_t n, int seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(seed * 31 + i * 7);
}

static bool check(const unsigned char *p, size_t n, int seed)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (unsigned char)(seed * 31 + i * 7))
            return false;
    return true;
}

static void producer(void *arg)
{
    job *j = arg;
    unsigned char *buf = malloc(j->size);
    for (int i = 0; i < j->n; i++) {
        fill(buf, j->size, i);
        if (j->sel) {
            rc_case cs[] = { rc_send_case(j->c, buf) };
            rc_select(cs, 1);
        } else {
            rc_chan_send(j->c, buf);
        }
    }
    free(buf);
    rc_chan_release(j->c);
}

static int run(const char *what, size_t size, size_t cap, int n, bool sel)
{
    rc_chan *c = rc_chan_make(size, cap);
    job j = { rc_chan_retain(c), size, n, sel };
    rc_go_copy(producer, &j, sizeof j);
    unsigned char *buf = malloc(size);
    int good = 0;
    for (int i = 0; i < n; i++) {
        memset(buf, 0, size);
        if (sel) {
            rc_case cs[] = { rc_recv_case(c, buf) };
            rc_select(cs, 1);
        } else {
            rc_chan_recv(c, buf);
        }
        good += check(buf, size, i);
    }
    free(buf);
    rc_chan_release(c);
    printf("%s: %d values %s\n", what, n, good == n ? "intact" : "FAIL corrupted");
    return good != n;
}

int main(void)
{
    return run("1 KiB buffered", sizeof(kib), 4, 2000, false) |
           run("1 KiB unbuffered", sizeof(kib), 0, 2000, false) |
           run("16 KiB unbuffered", sizeof(kib16), 0, 200, false) |
           run("1 KiB select", sizeof(kib), 2, 2000, true);
}
