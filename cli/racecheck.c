/*
 * racecheck.c: the racecheck command (minimal form): `racecheck ./prog [args...]` runs
 * the program, passes stdin, stdout, stderr, argv and the environment through, and
 * exits with the program's status: 66 when it reported a race (the detector runtime
 * sets that status itself), 128+N when it died of signal N (said on stderr).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define RC_VERSION "0.1.0"

static void usage(FILE *f)
{
    fprintf(f, "usage: racecheck PROGRAM [ARGS...]\n"
               "Runs PROGRAM (built with the racecheck pass and detector runtime) and\n"
               "exits with its status: 66 if it reported a data race.\n"
               "Detector options: RCRACE=\"exitcode=66 halt_on_error=1 ...\" (see docs).\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("racecheck %s\n", RC_VERSION);
        return 0;
    }
    if (argv[1][0] == '-') {
        fprintf(stderr, "racecheck: unknown option %s\n", argv[1]);
        usage(stderr);
        return 2;
    }
    const char *prog = argv[1];
    struct stat st;
    if (strchr(prog, '/') && stat(prog, &st) != 0) {
        fprintf(stderr, "racecheck: %s: %s\n", prog, strerror(errno));
        return 2;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("racecheck: fork");
        return 2;
    }
    if (pid == 0) {
        execvp(prog, argv + 1);
        fprintf(stderr, "racecheck: cannot run %s: %s\n", prog, strerror(errno));
        _exit(127);
    }
    /* the terminal's ^C goes to the child too; we just wait for it */
    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) {
            perror("racecheck: waitpid");
            return 2;
        }
    if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        fprintf(stderr, "racecheck: %s was killed by signal %d (%s)\n", prog, sig, strsignal(sig));
        return 128 + sig;
    }
    return WEXITSTATUS(status);
}
