// The writes of str_write_racy.c, ordered before main's reads by a channel: no
// report, and the strings are what libc makes of them.
// STDOUT: hello hello hello ab:hello ab:he
// STDERR-NOT: DATA RACE
#include <racecheck.h>
#include <stdio.h>
#include <string.h>

static char d[5][16];
static char src[16];
static rc_chan *done;

static void writer(void *arg)
{
    (void)arg;
    strcpy(d[0], src);
    stpcpy(d[1], src);
    strncpy(d[2], src, 8);
    strcat(d[3], src);
    strncat(d[4], src, 2);
    rc_chan_send(done, NULL);
}

int main(void)
{
    strcpy(src, "hello");
    strcpy(d[3], "ab:");
    strcpy(d[4], "ab:");
    done = rc_chan_make(0, 0);
    rc_go(writer, NULL);
    rc_chan_recv(done, NULL);
    printf("%s %s %s %s %s\n", d[0], d[1], d[2], d[3], d[4]);
    return 0;
}
