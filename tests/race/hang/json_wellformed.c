// The two dump reports in format=json are well-formed JSON lines (checked with
// tests/tools/json_check.h): the test runs itself as a child, once dying of "all
// goroutines are asleep" (its report, no summary: nothing else was found) and once
// stopped by timeout=1s (its report, then the summary, written after a timeout even
// when it counts nothing).
// STDOUT: asleep: exit 2, lines 1 valid 1, kinds all-goroutines-asleep
// STDOUT: timeout: exit 2, lines 2 valid 2, kinds timeout summary
#include "../report/child.h"
#include "../../tools/json_check.h"

#include <racecheck.h>

static void blocked(void *arg)
{
    rc_chan_recv(arg, NULL);
}

static int child(bool forever)
{
    rc_chan *never = rc_chan_make(0, 0);
    rc_go(blocked, never);
    rc_go(blocked, never);
    for (;;) {
        if (!forever)
            rc_chan_recv(never, NULL);
        rc_sleep(10 * RC_MILLISECOND);
    }
}

static void check(const char *name, const char *dir, const char *rcrace_extra)
{
    char opt[256], path[128];
    snprintf(opt, sizeof opt, "format=json log_path=%s/r %s", dir, rcrace_extra);
    setenv("HANG_CHILD", name, 1);
    int status;
    pid_t pid = run_child(opt, &status);
    snprintf(path, sizeof path, "%s/r.%d", dir, (int)pid);
    size_t len;
    char *out = slurp(path, &len);
    int lines = 0, valid = 0;
    char kinds[256] = "kinds";
    for (char *l = out, *nl; l && *l; l = nl + 1) {
        nl = strchr(l, '\n');
        if (!nl)
            break; /* every line ends with a newline */
        lines++;
        valid += json_check(l, (size_t)(nl - l));
        char *k = strstr(l, "\"kind\":\"");
        if (k) {
            k += 8;
            size_t n = strcspn(k, "\"");
            snprintf(kinds + strlen(kinds), sizeof kinds - strlen(kinds), " %.*s", (int)n, k);
        }
    }
    printf("%s: exit %d, lines %d valid %d, %s\n", name, status, lines, valid, kinds);
    free(out);
    unlink(path);
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "child"))
        return child(!strcmp(getenv("HANG_CHILD"), "timeout"));
    char dir[] = "/tmp/rc_hang_XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    check("asleep", dir, "");
    check("timeout", dir, "timeout=1s");
    rmdir(dir);
    return 0;
}
