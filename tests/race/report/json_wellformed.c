// format=json output is well-formed JSON, one value per line, with log_path: the test
// runs itself as a child (two distinct races, halted by nothing) and checks each line
// of the child's file with tests/tools/json_check.h.
// STDOUT: child exit status 66
// STDOUT: lines 3 valid 3
// STDOUT: kinds data-race data-race summary
#include "child.h"
#include "../../tools/json_check.h"

#include <racecheck.h>
#include <stdatomic.h>

static int x;
static char name[8];
static volatile int sink;
static atomic_int step; /* relaxed: orders nothing */

static void writer(void *arg)
{
    (void)arg;
    x = 1;
    name[0] = 'n';
    atomic_store_explicit(&step, 1, memory_order_relaxed);
}

static int child(void)
{
    rc_go(writer, NULL);
    while (atomic_load_explicit(&step, memory_order_relaxed) == 0)
        rc_yield();
    sink = x;
    sink = name[0];
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "child"))
        return child();
    char dir[] = "/tmp/rc_json_XXXXXX", opt[128], path[128];
    if (!mkdtemp(dir))
        return 1;
    snprintf(opt, sizeof opt, "format=json log_path=%s/r", dir);
    int status;
    pid_t pid = run_child(opt, &status);
    printf("child exit status %d\n", status);
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
    printf("lines %d valid %d\n%s\n", lines, valid, kinds);
    unlink(path);
    rmdir(dir);
    return 0;
}
