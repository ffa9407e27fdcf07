/* An 8-byte store through a long * that is not 8-aligned (undefined behaviour that
 * real code has): the compiler believes it aligned (__rc_write8), but it covers bytes
 * 5..12 of buf, two shadow words. main's unordered write of byte 12 races with it. */
// EXIT: 66
// STDOUT: -1
// STDERR: WARNING: DATA RACE
// STDERR: Write at
// STDERR: Previous write at
#include <racecheck.h>
#include <stdio.h>

_Alignas(8) char buf[16]; /* not static: the stores must stay */
static volatile int off = 5;

static void writer(void *arg)
{
    long *p = (long *)(buf + off);
    *p = -1;
    rc_chan_send(arg, &(int){1});
}

int main(void)
{
    rc_chan *done = rc_chan_make(sizeof(int), 1);
    rc_go(writer, done);
    rc_sleep(20 * RC_MILLISECOND);
    buf[12] = 1;
    rc_chan_recv(done, NULL);
    printf("%d\n", buf[11]);
    return 0;
}
