// A 16 MiB heap array walked by a loop: the shadow of a block that large is backed by
// transparent huge pages (rt/race/shadow.c, rc_shadow_dense), without which walking it
// is bound by page-table walks (bench/race access: 2.5x slower). The test counts the
// huge pages of every mapping but the array's own (which the kernel backs with huge
// pages only in THP mode "always"). Skipped where THP is off, or where the kernel gives
// no huge page even to a plain madvised mapping (the control below). The walk runs in a
// goroutine: a program that never had a second one checks no access (rt/race/race.c).
// EXIT: 0
// STDOUT: huge shadow: yes
#include <racecheck.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define LEN (4 << 20) /* ints: 16 MiB */

static int thp_available(void)
{
    FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
    if (!f)
        return 0;
    char line[128] = "";
    int ok = fgets(line, sizeof line, f) && !strstr(line, "[never]");
    fclose(f);
    return ok;
}

/* kB of AnonHugePages in the mapping that contains addr (inside), or in all others. */
static long huge_kb(uintptr_t addr, int inside)
{
    FILE *f = fopen("/proc/self/smaps", "r");
    if (!f)
        return -1;
    char line[512];
    long kb = 0;
    int count = 0;
    while (fgets(line, sizeof line, f)) {
        unsigned long lo, hi, v;
        if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2)
            count = (addr >= lo && addr < hi) == inside;
        else if (count && sscanf(line, "AnonHugePages: %lu kB", &v) == 1)
            kb += (long)v;
    }
    fclose(f);
    return kb;
}

/* The control: does the kernel give a huge page to a madvised anonymous mapping? */
static int kernel_gives_huge_pages(void)
{
    size_t huge = 2 << 20;
    char *p = mmap(NULL, 2 * huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return 0;
    char *a = (char *)(((uintptr_t)p + huge - 1) & ~(uintptr_t)(huge - 1));
    madvise(a, huge, MADV_HUGEPAGE);
    memset(a, 1, huge);
    long kb = huge_kb((uintptr_t)a, 1);
    munmap(p, 2 * huge);
    return kb >= 2048;
}

int *a;

static void walk(void *done)
{
    for (long i = 0; i < LEN; i++)
        a[i] = (int)i;
    rc_chan_send(done, NULL);
}

int main(void)
{
    if (!thp_available()) {
        printf("SKIP: transparent huge pages are off\n");
        return 0;
    }
    if (!kernel_gives_huge_pages()) {
        printf("SKIP: the kernel gave no huge page to a madvised mapping\n");
        return 0;
    }
    a = malloc(LEN * sizeof *a);
    if (!a)
        return 1;
    rc_chan *done = rc_chan_make(0, 0);
    rc_go(walk, done);
    rc_chan_recv(done, NULL);
    long kb = huge_kb((uintptr_t)a, 0);
    printf("huge shadow: %s\n", kb >= 2048 ? "yes" : "no");
    if (kb < 2048)
        printf("AnonHugePages outside the array: %ld kB\n", kb);
    free(a);
    return 0;
}
