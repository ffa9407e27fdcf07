// The same calls as str_read_racy.c after a WaitGroup orders the writes before them:
// no report, and every function still returns libc's result.
// STDOUT: strlen=6 strnlen=6 strchr=4 strrchr=1 strstr=2 strspn=3 strcspn=4 strpbrk=4
// STDOUT: strcmp<0=1 strncmp<0=1 memchr=3 memcmp<0=1 strdup=abcdef strndup=abc
// STDERR-NOT: DATA RACE
#include <racecheck.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char s[16];
static char other[16] = "xyzzy";
static rc_waitgroup wg;

static void writer(void *arg)
{
    (void)arg;
    s[0] = 'a';
    rc_waitgroup_done(&wg);
}

int main(void)
{
    memcpy(s, "-bcdef", 7);
    rc_waitgroup_add(&wg, 1);
    rc_go(writer, NULL);
    rc_waitgroup_wait(&wg);
    printf("strlen=%zu strnlen=%zu strchr=%td strrchr=%td strstr=%td strspn=%zu "
           "strcspn=%zu strpbrk=%td\n", strlen(s), strnlen(s, 10), strchr(s, 'e') - s,
           strrchr(s, 'b') - s, strstr(s, "cd") - s, strspn(s, "abc"), strcspn(s, "ef"),
           strpbrk(s, "fe") - s);
    char *d1 = strdup(s), *d2 = strndup(s, 3);
    printf("strcmp<0=%d strncmp<0=%d memchr=%td memcmp<0=%d strdup=%s strndup=%s\n",
           strcmp(s, other) < 0, strncmp(s, other, 4) < 0,
           (char *)memchr(s, 'd', 6) - s, memcmp(s, other, 5) < 0, d1, d2);
    free(d1);
    free(d2);
    return 0;
}
