// Port of Go's TestRaceIssue51618 (runtime/race/testdata/mop_test.go): as
// TestRaceIssue5567, with pread(2) (Go's issue 51618: File.ReadAt lacked the race
// annotation). A goroutine pread(2)s this file into one 17-byte buffer and sends b[:n]
// for each chunk; main checksums each chunk (crc32). The kernel's write into b by the
// next pread(2) races with main's reads of the previous chunk.
//
// PENDING (detector gap): pread(2) is not intercepted, so the kernel's write into b is
// not checked and the race is missed at -O0 and -O2 (Go's syscall.Read/Pread call
// race.WriteRange on the buffer; TSan intercepts read/pread the same way).
// ENV: RCMAXPROCS=4
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:read}}
// STDERR-ANY: {{FILE}}:{{LINE:crc}}
#include "../gotest.h"
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct { uint8_t *array; int64_t len, cap; } bytes;
typedef struct { rc_chan *in, *res; } env;

static void reader(void *arg)
{
    env *e = arg;
    int err = 0;
    int fd = open(__FILE__, O_RDONLY);
    if (fd < 0) {
        err = 1;
    } else {
        int64_t total = 0;
        uint8_t *b = malloc(17); /* the race is on b */
        if (!b)
            abort();
        while (err == 0) {
            rc_blocking_begin();
            ssize_t n = pread(fd, b, 17, (off_t)total); // @read
            rc_blocking_end();
            if (n < 0)
                err = 1;
            else if (n == 0)
                break; /* io.EOF */
            total += n;
            if (n > 0) {
                bytes s = { b, n, 17 };
                rc_chan_send(e->in, &s);
            }
        }
        close(fd);
    }
    rc_chan_close(e->in); /* deferred */
    rc_chan_send(e->res, &err);
}

/* hash/crc32 with crc32.MakeTable(0x12345678). */
static uint32_t table[256];

static void make_table(uint32_t poly)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t crc = i;
        for (int j = 0; j < 8; j++)
            crc = crc & 1 ? (crc >> 1) ^ poly : crc >> 1;
        table[i] = crc;
    }
}

static uint32_t update(uint32_t crc, bytes p)
{
    crc = ~crc;
    for (int64_t i = 0; i < p.len; i++)
        crc = table[(uint8_t)crc ^ p.array[i]] ^ (crc >> 8); // @crc
    return ~crc;
}

int main(void)
{
    env e = { rc_chan_make(sizeof(bytes), 0), rc_chan_make(sizeof(int), 0) };
    rc_go(reader, &e);
    make_table(0x12345678);
    uint32_t h = 0;
    bytes b;
    while (rc_chan_recv(e.in, &b))
        h = update(h, b);
    volatile uint32_t sum = h; /* Go: _ = h.Sum(nil) */
    (void)sum;
    int err;
    rc_chan_recv(e.res, &err);
    if (err)
        rc_panic("cannot read " __FILE__);
    return 0;
}
