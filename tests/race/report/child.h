/*
 * child.h: for report tests that must look at a report from outside: run this same
 * program again as a child with RCRACE set, wait for it, read the files it wrote.
 */
#ifndef REPORT_CHILD_H
#define REPORT_CHILD_H

#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* Runs "<self> child" with RCRACE=rcrace; returns its pid, *status its exit status
 * (-1 if it did not exit normally). */
static pid_t run_child(const char *rcrace, int *status)
{
    setenv("RCRACE", rcrace, 1);
    char *argv[] = { "self", "child", NULL };
    pid_t pid;
    if (posix_spawn(&pid, "/proc/self/exe", NULL, NULL, argv, environ) != 0) {
        perror("posix_spawn");
        exit(1);
    }
    int st;
    while (waitpid(pid, &st, 0) < 0)
        ;
    *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return pid;
}

/* The whole file, NUL-terminated, or NULL. */
static inline char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, r;
    char *b = malloc(cap);
    while ((r = fread(b + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (n + 1 == cap)
            b = realloc(b, cap *= 2);
    }
    fclose(f);
    b[n] = 0;
    *len = n;
    return b;
}

#endif
