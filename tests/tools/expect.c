/*
 * expect.c: runs a test program and checks its real output against expectations
 * written in the test's source file, as comment directives:
 *
 *   // EXIT: 2                   expected exit status (default 0); "signal" accepts death
 *                                by any signal
 *   // ARGS: a b                 arguments (split on spaces)
 *   // ENV: RCMAXPROCS=1         an environment variable (repeatable)
 *   // TIMEOUT: 30               seconds before the program is killed (default 60)
 *   // STDOUT: text              a stdout line containing text, after the previous match
 *   // STDERR: text              the same for stderr
 *   // STDOUT-NOT: text          no stdout line contains text
 *   // STDERR-NOT: text          no stderr line contains text
 *   // STDERR-COUNT: N text      exactly N stderr lines contain text
 *   // STDERR-ANY: text          some stderr line contains text, wherever it is (for
 *                                reports whose order depends on the interleaving)
 *
 * A program that cannot test what it is for on this machine (a kernel feature missing)
 * prints "SKIP: why" as its first stdout line and exits 0: expect then exits 77, which
 * CTest reports as skipped, never as passed.
 *
 * In expected text, {{FILE}} is the test's source path and {{LINE:tag}} the number of
 * the line that carries the comment "// @tag". So a test can assert exact stack frames:
 *   // STDERR: {{FILE}}:{{LINE:recv}}
 *
 * Usage: expect PROGRAM SOURCE.c. Prints what failed and both outputs; exits 0 or 1.
 */

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAXD 256

typedef struct { char kind[16]; char text[1024]; } directive;

static directive dirs[MAXD];
static int ndirs;
static char *src_lines[20000];
static int nsrc;
static const char *src_path;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    size_t r;
    while ((r = fread(b + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (n + 1 == cap)
            b = realloc(b, cap *= 2);
    }
    fclose(f);
    b[n] = 0;
    if (len)
        *len = n;
    return b;
}

static int tag_line(const char *tag)
{
    char pat[128];
    snprintf(pat, sizeof pat, "// @%s", tag);
    for (int i = 0; i < nsrc; i++) {
        char *p = strstr(src_lines[i], pat);
        if (p) {
            char next = p[strlen(pat)];
            if (next == 0 || next == ' ' || next == '\n' || next == '\r')
                return i + 1;
        }
    }
    fprintf(stderr, "expect: no line tagged // @%s in %s\n", tag, src_path);
    exit(1);
}

static void substitute(const char *in, char *out, size_t n)
{
    size_t o = 0;
    while (*in && o + 1 < n) {
        if (!strncmp(in, "{{FILE}}", 8)) {
            o += (size_t)snprintf(out + o, n - o, "%s", src_path);
            in += 8;
        } else if (!strncmp(in, "{{LINE:", 7)) {
            const char *end = strstr(in, "}}");
            char tag[100];
            snprintf(tag, sizeof tag, "%.*s", (int)(end - in - 7), in + 7);
            o += (size_t)snprintf(out + o, n - o, "%d", tag_line(tag));
            in = end + 2;
        } else {
            out[o++] = *in++;
        }
    }
    out[o < n ? o : n - 1] = 0;
}

static void parse_source(void)
{
    char *src = slurp(src_path, NULL);
    if (!src) {
        fprintf(stderr, "expect: cannot read %s\n", src_path);
        exit(1);
    }
    for (char *line = src; line && nsrc < 20000;) { /* keeps blank lines: numbers matter */
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = 0;
        src_lines[nsrc++] = line;
        line = nl ? nl + 1 : NULL;
    }
    static const char *kinds[] = { "EXIT", "ARGS", "ENV", "TIMEOUT", "STDOUT", "STDERR",
                                   "STDOUT-NOT", "STDERR-NOT", "STDERR-COUNT", "STDERR-ANY" };
    for (int i = 0; i < nsrc; i++) {
        char *p = strstr(src_lines[i], "// ");
        if (!p)
            continue;
        p += 3;
        for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
            size_t len = strlen(kinds[k]);
            if (!strncmp(p, kinds[k], len) && p[len] == ':' && ndirs < MAXD) {
                directive *d = &dirs[ndirs++];
                snprintf(d->kind, sizeof d->kind, "%s", kinds[k]);
                const char *t = p + len + 1;
                if (*t == ' ')
                    t++;
                substitute(t, d->text, sizeof d->text);
                break;
            }
        }
    }
}

static const char *get(const char *kind, const char *def)
{
    for (int i = 0; i < ndirs; i++)
        if (!strcmp(dirs[i].kind, kind))
            return dirs[i].text;
    return def;
}

/* Runs prog; captures stdout/stderr into files; returns the wait status. */
static int run(const char *prog, const char *outp, const char *errp, int timeout, int *timed_out)
{
    char *argv[64];
    int argc = 0;
    argv[argc++] = (char *)prog;
    static char args[1024];
    snprintf(args, sizeof args, "%s", get("ARGS", ""));
    for (char *a = strtok(args, " "); a && argc < 63; a = strtok(NULL, " "))
        argv[argc++] = a;
    argv[argc] = NULL;
    pid_t pid = fork();
    if (pid == 0) {
        for (int i = 0; i < ndirs; i++)
            if (!strcmp(dirs[i].kind, "ENV"))
                putenv(dirs[i].text);
        if (!freopen(outp, "w", stdout) || !freopen(errp, "w", stderr))
            _exit(127);
        setpgid(0, 0);
        execv(prog, argv);
        _exit(127);
    }
    int status = 0;
    time_t deadline = time(NULL) + timeout;
    *timed_out = 0;
    for (;;) {
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid)
            break;
        if (time(NULL) >= deadline) {
            kill(-pid, SIGKILL);
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            *timed_out = 1;
            break;
        }
        usleep(2000);
    }
    return status;
}

static int nlines_split(char *buf, char **lines, int max)
{
    int n = 0;
    char *save;
    for (char *l = strtok_r(buf, "\n", &save); l && n < max; l = strtok_r(NULL, "\n", &save))
        lines[n++] = l;
    return n;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: expect PROGRAM SOURCE.c\n");
        return 2;
    }
    src_path = argv[2];
    parse_source();
    char outp[] = "/tmp/rc-expect-out-XXXXXX", errp[] = "/tmp/rc-expect-err-XXXXXX";
    close(mkstemp(outp));
    close(mkstemp(errp));
    int timed_out;
    int st = run(argv[1], outp, errp, atoi(get("TIMEOUT", "60")), &timed_out);
    char *out = slurp(outp, NULL), *err = slurp(errp, NULL);
    unlink(outp);
    unlink(errp);
    char *out_copy = strdup(out), *err_copy = strdup(err);
    static char *olines[200000], *elines[200000];
    int no = nlines_split(out_copy, olines, 200000), ne = nlines_split(err_copy, elines, 200000);

    if (!timed_out && WIFEXITED(st) && WEXITSTATUS(st) == 0 && no > 0 &&
        !strncmp(olines[0], "SKIP: ", 6)) {
        printf("%s\n", olines[0]);
        return 77;
    }
    int fails = 0;
    const char *want_exit = get("EXIT", "0");
    if (timed_out) {
        printf("FAIL: timed out after %s s\n", get("TIMEOUT", "60"));
        fails++;
    } else if (!strcmp(want_exit, "signal")) {
        if (!WIFSIGNALED(st)) {
            printf("FAIL: expected death by a signal, got exit %d\n", WEXITSTATUS(st));
            fails++;
        }
    } else if (!WIFEXITED(st) || WEXITSTATUS(st) != atoi(want_exit)) {
        if (WIFSIGNALED(st))
            printf("FAIL: expected exit %s, killed by signal %d\n", want_exit, WTERMSIG(st));
        else
            printf("FAIL: expected exit %s, got %d\n", want_exit, WEXITSTATUS(st));
        fails++;
    }
    int opos = 0, epos = 0;
    for (int i = 0; i < ndirs; i++) {
        directive *d = &dirs[i];
        int is_out = !strncmp(d->kind, "STDOUT", 6);
        char **lines = is_out ? olines : elines;
        int n = is_out ? no : ne;
        if (!strcmp(d->kind, "STDOUT") || !strcmp(d->kind, "STDERR")) {
            int *pos = is_out ? &opos : &epos;
            int j = *pos;
            while (j < n && !strstr(lines[j], d->text))
                j++;
            if (j == n) {
                printf("FAIL: %s has no line (after line %d) containing: %s\n",
                       is_out ? "stdout" : "stderr", *pos, d->text);
                fails++;
            } else {
                *pos = j + 1;
            }
        } else if (!strcmp(d->kind, "STDOUT-NOT") || !strcmp(d->kind, "STDERR-NOT")) {
            for (int j = 0; j < n; j++)
                if (strstr(lines[j], d->text)) {
                    printf("FAIL: %s line %d contains: %s\n", is_out ? "stdout" : "stderr",
                           j + 1, d->text);
                    fails++;
                    break;
                }
        } else if (!strcmp(d->kind, "STDERR-ANY")) {
            int j = 0;
            while (j < ne && !strstr(elines[j], d->text))
                j++;
            if (j == ne) {
                printf("FAIL: no stderr line contains: %s\n", d->text);
                fails++;
            }
        } else if (!strcmp(d->kind, "STDERR-COUNT")) {
            char *sp = strchr(d->text, ' ');
            int want = atoi(d->text), got = 0;
            const char *t = sp ? sp + 1 : "";
            for (int j = 0; j < ne; j++)
                got += strstr(elines[j], t) != NULL;
            if (got != want) {
                printf("FAIL: expected %d stderr lines containing '%s', got %d\n", want, t, got);
                fails++;
            }
        }
    }
    if (fails) {
        printf("---- stdout (%s) ----\n%.20000s\n---- stderr ----\n%.20000s\n", argv[1], out, err);
        return 1;
    }
    printf("ok: %s (%d checks)\n", src_path, ndirs);
    return 0;
}
