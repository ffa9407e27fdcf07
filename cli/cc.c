/*
 * cc.c: `racecheck cc ARGS...` / `racecheck c++ ARGS...`: clang with everything an
 * instrumented program needs. It runs the clang the pass plugin was built for (a plugin
 * loads only into its own LLVM) as
 *
 *   clang -fpass-plugin=PLUGIN -g -fno-omit-frame-pointer -I INCLUDE ARGS...
 *         [RUNTIME LINK_DEPS]          (only when the command links)
 *
 * PLUGIN, RUNTIME (libracecheck_race.a) and INCLUDE (racecheck.h's directory) are found
 * relative to this executable: first the installed layout (bin/ next to lib/ and
 * include/), then the build tree (cli/ next to pass/ and rt/). The build writes those
 * relative paths, the compiler and the link dependencies into RC_CC_* definitions
 * (cmake/install.cmake). clang replaces this process: its diagnostics and exit status
 * are the command's.
 */
#include "cc.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef RC_CC_CLANG

/* the places one layout keeps the three things cc needs */
typedef struct {
    char plugin[PATH_MAX], runtime[PATH_MAX], include[PATH_MAX];
} layout;

/* clang options whose value is the next argument (so that argument is not an input) */
static const char *const separate_value[] = {
    "-o", "-x", "-I", "-L", "-D", "-U", "-l", "-include", "-imacros", "-isystem",
    "-idirafter", "-iquote", "-iprefix", "-iwithprefix", "-isysroot", "-MF", "-MT", "-MQ",
    "-Xclang", "-Xlinker", "-Xassembler", "-Xpreprocessor", "-mllvm", "-target", "-arch",
    "-T", "-u", "-z", "-e", "--param", "-working-directory", "-serialize-diagnostics",
    "-dependency-file", "-ivfsoverlay", "-isystem-after", NULL,
};

/* options after which clang stops before the link */
static const char *const no_link[] = {
    "-c", "-S", "-E", "-M", "-MM", "-fsyntax-only", "-emit-llvm", "--precompile", NULL,
};

static int in_list(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (!strcmp(*list, s))
            return 1;
    return 0;
}

/* Does `clang ARGS` link? Only when it has an input and no option that stops earlier.
 * (-emit-llvm without -c/-S would link bitcode with LTO: treated as compile-only.) */
static int links(int argc, char **argv)
{
    int inputs = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (in_list(no_link, a))
            return 0;
        if (in_list(separate_value, a))
            i++;
        else if (a[0] != '-' || !strcmp(a, "-"))
            inputs++;
    }
    return inputs > 0;
}

/* DIR/REL/NAME (REL/NAME when REL is absolute) resolved into out; when it does not exist,
 * 0, with the unresolved path in out */
static int resolve(char *out, const char *dir, const char *rel, const char *name)
{
    char path[PATH_MAX];
    int n = snprintf(path, sizeof path, "%s%s%s/%s", rel[0] == '/' ? "" : dir,
                     rel[0] == '/' ? "" : "/", rel, name);
    if (n > 0 && n < PATH_MAX && realpath(path, out) && access(out, R_OK) == 0)
        return 1;
    snprintf(out, PATH_MAX, "%s", path);
    return 0;
}

/* Fills L from the layout rooted at the executable's directory EXEDIR. When the layout
 * is incomplete: 0, and the first missing file's path in `missing`. */
static int find_layout(layout *L, const char *exedir, const char *plugin_dir,
                       const char *runtime_dir, const char *include_dir, char *missing)
{
    char hdr[PATH_MAX];
    if (!resolve(L->plugin, exedir, plugin_dir, "libracecheck_pass.so"))
        return strcpy(missing, L->plugin), 0;
    if (!resolve(L->runtime, exedir, runtime_dir, "libracecheck_race.a"))
        return strcpy(missing, L->runtime), 0;
    if (!resolve(hdr, exedir, include_dir, "racecheck.h"))
        return strcpy(missing, hdr), 0;
    return resolve(L->include, exedir, include_dir, ".");
}

int rc_cli_cc(int argc, char **argv)
{
    int cxx = !strcmp(argv[0], "c++");
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) {
        fprintf(stderr, "racecheck %s: cannot find my own executable: %s\n", argv[0],
                strerror(errno));
        return 2;
    }
    exe[n] = 0;
    *strrchr(exe, '/') = 0;

    layout L;
    char missing_inst[PATH_MAX], missing_build[PATH_MAX];
    if (!find_layout(&L, exe, RC_CC_INSTALL_LIB "/racecheck", RC_CC_INSTALL_LIB,
                     RC_CC_INSTALL_INCLUDE, missing_inst) &&
        !find_layout(&L, exe, RC_CC_BUILD_PASS, RC_CC_BUILD_RT, RC_CC_BUILD_INCLUDE,
                     missing_build)) {
        fprintf(stderr,
                "racecheck %s: cannot find the pass plugin, runtime and header:\n"
                "  installed layout: no %s\n  build tree: no %s\n",
                argv[0], missing_inst, missing_build);
        return 2;
    }

    /* the compiler: RACECHECK_CC / RACECHECK_CXX, else the one the plugin was built
     * with, else clang-N from PATH (the install moved to a machine where it lives elsewhere) */
    const char *compiler = getenv(cxx ? "RACECHECK_CXX" : "RACECHECK_CC");
    if (!compiler || !*compiler) {
        compiler = cxx ? RC_CC_CLANGXX : RC_CC_CLANG;
        if (access(compiler, X_OK) != 0)
            compiler = cxx ? "clang++-" RC_CC_LLVM_MAJOR : "clang-" RC_CC_LLVM_MAJOR;
    }

    char plugin_flag[PATH_MAX + 16];
    snprintf(plugin_flag, sizeof plugin_flag, "-fpass-plugin=%s", L.plugin);
    char deps[] = RC_CC_LINK_DEPS;
    int ndeps = 1;
    for (char *p = deps; *p; p++)
        ndeps += *p == ' ';

    char **args = malloc(sizeof *args * (argc + ndeps + 8));
    int k = 0;
    args[k++] = (char *)compiler;
    args[k++] = plugin_flag;
    args[k++] = "-g";
    args[k++] = "-fno-omit-frame-pointer";
    args[k++] = "-I";
    args[k++] = L.include;
    for (int i = 1; i < argc; i++)
        args[k++] = argv[i];
    /* after the user's inputs and libraries, so the archive resolves what they use */
    if (links(argc - 1, argv + 1)) {
        args[k++] = L.runtime;
        for (char *tok = strtok(deps, " "); tok; tok = strtok(NULL, " "))
            args[k++] = tok;
    }
    args[k] = NULL;
    execvp(compiler, args);
    fprintf(stderr, "racecheck %s: cannot run %s: %s\n", argv[0], compiler, strerror(errno));
    return 2;
}

#else /* built without the pass (the sanitizer build): nothing to compile with */

int rc_cli_cc(int argc, char **argv)
{
    fprintf(stderr, "racecheck %s: this racecheck was built without the pass plugin "
                    "(RC_SANITIZE build); use a regular build\n", argv[0]);
    return 2;
}

#endif
