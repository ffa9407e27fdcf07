// libc's string-reading functions are checked: a goroutine writes the first byte of
// each string with a plain store; main then hands each string to a libc function,
// unordered with the writes (the relaxed `step` only fixes the interleaving). Each
// call is a race reported at main's call site, one report per function.
// EXIT: 66
// STDERR-COUNT: 14 WARNING: DATA RACE
// STDERR: Read at 0x
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:strlen}}
// STDERR: Previous write at 0x
// STDERR: writer()
// STDERR: Location is global 's'
// STDERR: {{FILE}}:{{LINE:strnlen}}
// STDERR: {{FILE}}:{{LINE:strchr}}
// STDERR: {{FILE}}:{{LINE:strrchr}}
// STDERR: {{FILE}}:{{LINE:strstr}}
// STDERR: {{FILE}}:{{LINE:strspn}}
// STDERR: {{FILE}}:{{LINE:strcspn}}
// STDERR: {{FILE}}:{{LINE:strpbrk}}
// STDERR: {{FILE}}:{{LINE:strcmp}}
// STDERR: {{FILE}}:{{LINE:strncmp}}
// STDERR: {{FILE}}:{{LINE:memchr}}
// STDERR: {{FILE}}:{{LINE:memcmp}}
// STDERR: {{FILE}}:{{LINE:strdup}}
// STDERR: {{FILE}}:{{LINE:strndup}}
// STDERR: Found 14 data race(s)
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N 14
static char s[N][16];
static char other[16] = "xyzzy";
static atomic_int step; /* relaxed: orders nothing */
static volatile size_t sink, five = 5; /* memcmp: see mem_racy.c */

static void writer(void *arg)
{
    (void)arg;
    for (int i = 0; i < N; i++)
        s[i][0] = 'a';
    atomic_store_explicit(&step, 1, memory_order_relaxed);
}

int main(void)
{
    for (int i = 0; i < N; i++)
        memcpy(s[i], "-bcdef", 7);
    rc_go(writer, NULL);
    while (atomic_load_explicit(&step, memory_order_relaxed) == 0)
        rc_yield();
    size_t n = 0;
    n += strlen(s[0]); // @strlen
    n += strnlen(s[1], 10); // @strnlen
    n += strchr(s[2], 'e') != NULL; // @strchr
    n += strrchr(s[3], 'b') != NULL; // @strrchr
    n += strstr(s[4], "cd") != NULL; // @strstr
    n += strspn(s[5], "abc"); // @strspn
    n += strcspn(s[6], "ef"); // @strcspn
    n += strpbrk(s[7], "fe") != NULL; // @strpbrk
    n += strcmp(s[8], other) < 0; // @strcmp
    n += strncmp(s[9], other, 4) < 0; // @strncmp
    n += memchr(s[10], 'd', 6) != NULL; // @memchr
    n += memcmp(s[11], other, five) < 0; // @memcmp
    char *d1 = strdup(s[12]); // @strdup
    char *d2 = strndup(s[13], 3); // @strndup
    sink = n;
    printf("%s %s\n", d1, d2);
    free(d1);
    free(d2);
    return 0;
}
