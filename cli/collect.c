/*
 * collect.c: the report channel. The program's detector runtime writes JSON lines
 * (RCRACE format=json log_path=<dir>/report) to <dir>/report.<pid>, one file per
 * process (a forked child gets its own; an exec keeps the pid and appends), in a
 * directory only racecheck knows about, so nothing the program does to its stdout
 * or stderr can corrupt or hide a report.
 *
 * Invariant: each file's offset is the end of the last complete line handed on; a
 * partial line waits in the file until its newline arrives (the runtime writes a
 * report with one write(2), so this is rare), and is said to be incomplete only
 * once every writer is gone (final poll).
 */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FILES 1024

typedef struct tailed {
    char  name[64];
    off_t offset;
} tailed;

struct rc_channel {
    char   dir[4096];
    char   prefix[4200];
    tailed files[MAX_FILES];
    int    nfiles;
    bool   warned_full;
};

rc_channel *channel_open(void)
{
    rc_channel *c = calloc(1, sizeof *c);
    if (!c) {
        perror("racecheck");
        return NULL;
    }
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp)
        tmp = "/tmp";
    snprintf(c->dir, sizeof c->dir, "%s/racecheck.XXXXXX", tmp);
    if (!mkdtemp(c->dir)) {
        fprintf(stderr, "racecheck: cannot create a directory in %s for reports: %s\n", tmp,
                strerror(errno));
        free(c);
        return NULL;
    }
    snprintf(c->prefix, sizeof c->prefix, "%s/report", c->dir);
    return c;
}

const char *channel_prefix(const rc_channel *c)
{
    return c->prefix;
}

static tailed *file_of(rc_channel *c, const char *name)
{
    for (int i = 0; i < c->nfiles; i++)
        if (!strcmp(c->files[i].name, name))
            return &c->files[i];
    if (c->nfiles == MAX_FILES || strlen(name) >= sizeof c->files[0].name) {
        if (!c->warned_full)
            fprintf(stderr, "racecheck: warning: more than %d processes reported; reports "
                    "of the others are not shown\n", MAX_FILES);
        c->warned_full = true;
        return NULL;
    }
    tailed *t = &c->files[c->nfiles++];
    snprintf(t->name, sizeof t->name, "%s", name);
    return t;
}

/* Hands on the complete lines of one file past its offset. */
static void drain(rc_channel *c, tailed *t, bool final)
{
    char path[4300];
    snprintf(path, sizeof path, "%s/%s", c->dir, t->name);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    struct stat st;
    if (fstat(fd, &st) < 0 || st.st_size <= t->offset) {
        close(fd);
        return;
    }
    size_t len = (size_t)(st.st_size - t->offset);
    char *buf = malloc(len + 1);
    ssize_t got = buf ? pread(fd, buf, len, t->offset) : -1;
    close(fd);
    if (got <= 0) {
        free(buf);
        return;
    }
    char *p = buf, *end = buf + got;
    for (char *nl; p < end && (nl = memchr(p, '\n', (size_t)(end - p))); p = nl + 1)
        if (nl > p)
            reports_add(p, (size_t)(nl - p), t->name);
    if (final && p < end) {
        fprintf(stderr, "racecheck: warning: an incomplete report (%zd bytes, the process "
                "ended while writing it) was dropped\n", end - p);
        p = end;
    }
    t->offset += p - buf;
    free(buf);
}

void channel_poll(rc_channel *c, bool final)
{
    DIR *d = opendir(c->dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strncmp(e->d_name, "report.", 7))
            continue;
        tailed *t = file_of(c, e->d_name);
        if (t)
            drain(c, t, final);
    }
    closedir(d);
}

void channel_close(rc_channel *c)
{
    DIR *d = opendir(c->dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)))
            if (e->d_name[0] != '.')
                unlinkat(dirfd(d), e->d_name, 0);
        closedir(d);
    }
    rmdir(c->dir);
    free(c);
}
