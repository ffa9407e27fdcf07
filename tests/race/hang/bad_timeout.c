// RCRACE timeout takes Go's durations (500ms, 10s, 2m, 1h30m, 1.5s; 0: none).
// Anything else stops the program before main with the invalid RCRACE message and
// exit status 2. The test runs itself as a child with each value.
// STDOUT: timeout=500ms: ran, exit 0
// STDOUT: timeout=1h30m: ran, exit 0
// STDOUT: timeout=1.5s: ran, exit 0
// STDOUT: timeout=0: ran, exit 0
// STDOUT: timeout=10: exit 2
// STDOUT: timeout=1x: exit 2
// STDOUT: timeout=-1s: exit 2
// STDOUT: timeout=: exit 2
// STDOUT: timeout=1.5.3s: exit 2
// STDOUT: timeout=s: exit 2
// STDERR: racecheck: invalid RCRACE: timeout=10 (want a duration: 500ms, 10s, 2m, 1h30m; 0: none)
// STDERR: racecheck: invalid RCRACE: timeout=1x (want a duration
// STDERR: racecheck: invalid RCRACE: timeout=-1s (want a duration
// STDERR: racecheck: invalid RCRACE: timeout= (want a duration
// STDERR: racecheck: invalid RCRACE: timeout=1.5.3s (want a duration
// STDERR: racecheck: invalid RCRACE: timeout=s (want a duration
// STDERR-COUNT: 6 invalid RCRACE
#include "../report/child.h"

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "child")) {
        printf("ran, ");
        return 0;
    }
    static const char *values[] = { "500ms", "1h30m", "1.5s", "0", "10", "1x", "-1s", "",
                                    "1.5.3s", "s" };
    for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
        char opt[64];
        snprintf(opt, sizeof opt, "timeout=%s", values[i]);
        printf("%s: ", opt);
        fflush(stdout);
        int status;
        run_child(opt, &status);
        printf("exit %d\n", status);
    }
    return 0;
}
