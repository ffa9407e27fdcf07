// rc_blocking_begin/end hand the P away around a blocking system call: with one P, a
// goroutine blocked in read(2) on a pipe does not stop the goroutine that will write
// to it after doing some channel work. Without the hand-off the writer could never
// run and the program would hang (killed by the timeout).
// ENV: RCMAXPROCS=1
// TIMEOUT: 20
// STDOUT: writer did its work: 1000 round trips
// STDOUT: reader got: hello
// STDOUT: nested begin/end: ok
#include <racecheck.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int fds[2];
static rc_chan *ping, *pong, *done;
static _Atomic int reading;

static void reader(void *arg)
{
    char buf[16] = { 0 };
    reading = 1;
    rc_blocking_begin();
    ssize_t n = read(fds[0], buf, sizeof buf - 1);
    rc_blocking_end();
    printf("reader got: %s\n", n > 0 ? buf : "FAIL");
    rc_chan_send(done, NULL);
}

static void echo(void *arg)
{
    int v;
    while (rc_chan_recv(ping, &v))
        rc_chan_send(pong, &v);
}

static void writer(void *arg)
{
    while (!reading)
        rc_yield();
    for (int i = 0; i < 1000; i++) {
        int v = i;
        rc_chan_send(ping, &v);
        rc_chan_recv(pong, &v);
    }
    printf("writer did its work: 1000 round trips\n");
    fflush(stdout);
    if (write(fds[1], "hello", 5) != 5)
        printf("FAIL write\n");
    rc_chan_send(done, NULL);
}

int main(void)
{
    if (pipe(fds) != 0)
        return 1;
    ping = rc_chan_make(sizeof(int), 0);
    pong = rc_chan_make(sizeof(int), 0);
    done = rc_chan_make(0, 0);
    rc_go(reader, NULL);
    rc_go(echo, NULL);
    rc_go(writer, NULL);
    rc_chan_recv(done, NULL);
    rc_chan_recv(done, NULL);

    rc_blocking_begin();
    rc_blocking_begin();
    usleep(1000);
    rc_blocking_end();
    rc_blocking_end();
    int v = 1;
    rc_chan_send(ping, &v); /* the P is back: channels still work */
    rc_chan_recv(pong, &v);
    printf("nested begin/end: ok\n");
    return 0;
}
