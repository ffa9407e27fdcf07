// RCRACE log_path=<prefix>: the report and the summary go to the file <prefix>.<pid>
// and not to stderr; the exit status is still 66. The test runs itself as a child
// with log_path set, then prints the child's file.
// STDOUT: child exit status 66
// STDOUT: no other file: 1
// STDOUT: ==================
// STDOUT: WARNING: DATA RACE
// STDOUT: Read at 0x
// STDOUT: {{FILE}}:{{LINE:read}}
// STDOUT: Previous write at 0x
// STDOUT: writer()
// STDOUT: {{FILE}}:{{LINE:write}}
// STDOUT: Location is global 'x'
// STDOUT: Goroutine 2 (finished) created at:
// STDOUT: {{FILE}}:{{LINE:go}}
// STDOUT: Found 1 data race(s)
// STDERR-NOT: DATA RACE
// STDERR-NOT: Found
#include "child.h"

#include <racecheck.h>
#include <stdatomic.h>
#include <dirent.h>

static int x;
static volatile int sink;
static atomic_int step; /* relaxed: orders nothing */

static void writer(void *arg)
{
    (void)arg;
    x = 1; // @write
    atomic_store_explicit(&step, 1, memory_order_relaxed);
}

static int child(void)
{
    rc_go(writer, NULL); // @go
    while (atomic_load_explicit(&step, memory_order_relaxed) == 0)
        rc_yield();
    sink = x; // @read
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "child"))
        return child();
    char dir[] = "/tmp/rc_log_path_XXXXXX", opt[128], path[128];
    if (!mkdtemp(dir))
        return 1;
    snprintf(opt, sizeof opt, "log_path=%s/race", dir);
    int status;
    pid_t pid = run_child(opt, &status);
    printf("child exit status %d\n", status);
    snprintf(path, sizeof path, "%s/race.%d", dir, (int)pid);
    size_t len;
    char *report = slurp(path, &len);
    int files = 0;
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));)
        files += e->d_name[0] != '.';
    if (d)
        closedir(d);
    printf("no other file: %d\n", files == 1);
    printf("%s", report ? report : "(no report file)\n");
    unlink(path);
    rmdir(dir);
    return 0;
}
