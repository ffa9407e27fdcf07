/*
 * symbolize.c: program counter -> function, file:line (with inlined frames), for every
 * stack the runtime prints.
 *
 * Like TSan, it asks an external llvm-symbolizer (found as $RC_SYMBOLIZER, then
 * llvm-symbolizer, -19, -14 on PATH, then /usr/lib/llvm-{19,14}/bin), started once on
 * first use and kept for the run; without one, addr2line -f -i per module; without
 * either, the nearest symbol from the unwinder and no line.
 *
 * One llvm-symbolizer serves every thread: sym_lock makes each question and its
 * answer one exchange (two threads reporting at once -- a deadlock report on one M,
 * the exit's leak report on another -- would otherwise read each other's answers,
 * print wrong frames, and wait forever for an answer already taken). A thread that
 * already holds it (a crash inside symbolization) gets no symbols, not a deadlock.
 */
#include "symbolize.h"

#define UNW_LOCAL_ONLY
#include <libunwind.h>

#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <link.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

typedef struct module { char path[512]; uintptr_t bias; } module;

struct find_ctx { uintptr_t pc; module *out; int found; };

static int find_cb(struct dl_phdr_info *info, size_t size, void *arg)
{
    (void)size;
    struct find_ctx *c = arg;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_LOAD)
            continue;
        uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
        if (c->pc >= lo && c->pc < lo + ph->p_memsz) {
            const char *name = info->dlpi_name;
            if (!name || !*name) {
                ssize_t n = readlink("/proc/self/exe", c->out->path, sizeof c->out->path - 1);
                c->out->path[n > 0 ? n : 0] = 0;
            } else {
                snprintf(c->out->path, sizeof c->out->path, "%s", name);
            }
            c->out->bias = info->dlpi_addr;
            c->found = 1;
            return 1;
        }
    }
    return 0;
}

static int find_module(uintptr_t pc, module *m)
{
    struct find_ctx c = { pc, m, 0 };
    dl_iterate_phdr(find_cb, &c);
    return c.found;
}

/* ---- the symbolizer process ----------------------------------------------------- */

static struct { FILE *in, *out; int tried; int kind; } sym; /* kind: 1 llvm, 2 addr2line */

static pthread_mutex_t sym_lock = PTHREAD_MUTEX_INITIALIZER;
static _Atomic(pthread_t) sym_owner; /* valid while sym_held */
static atomic_bool sym_held;

static bool sym_acquire(void)
{
    if (atomic_load(&sym_held) && pthread_equal(atomic_load(&sym_owner), pthread_self()))
        return false;
    pthread_mutex_lock(&sym_lock);
    atomic_store(&sym_owner, pthread_self());
    atomic_store(&sym_held, true);
    return true;
}

static void sym_release(void)
{
    atomic_store(&sym_held, false);
    pthread_mutex_unlock(&sym_lock);
}

static int executable(const char *p) { return access(p, X_OK) == 0; }

static int find_in_path(const char *name, char *out, size_t n)
{
    if (strchr(name, '/')) {
        snprintf(out, n, "%s", name);
        return executable(out);
    }
    const char *path = getenv("PATH");
    if (!path)
        path = "/usr/bin:/bin";
    while (*path) {
        size_t len = strcspn(path, ":");
        snprintf(out, n, "%.*s/%s", (int)len, path, name);
        if (executable(out))
            return 1;
        path += len + (path[len] == ':');
    }
    return 0;
}

static int spawn(char *const argv[], FILE **to, FILE **from, pid_t *pid)
{
    int in[2], out[2];
    if (pipe(in) || pipe(out))
        return 0;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawn_file_actions_addclose(&fa, in[1]);
    posix_spawn_file_actions_addclose(&fa, out[0]);
    int rc = posix_spawn(pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(in[0]);
    close(out[1]);
    if (rc != 0) {
        close(in[1]);
        close(out[0]);
        return 0;
    }
    *to = fdopen(in[1], "w");
    *from = fdopen(out[0], "r");
    return *to && *from;
}

static void start_llvm_symbolizer(void)
{
    static const char *const names[] = {
        "llvm-symbolizer", "llvm-symbolizer-19", "llvm-symbolizer-14",
        "/usr/lib/llvm-19/bin/llvm-symbolizer", "/usr/lib/llvm-14/bin/llvm-symbolizer",
    };
    char path[512];
    const char *env = getenv("RC_SYMBOLIZER");
    int ok = env && *env && find_in_path(env, path, sizeof path);
    for (size_t i = 0; !ok && i < sizeof names / sizeof *names; i++)
        ok = find_in_path(names[i], path, sizeof path);
    if (!ok)
        return;
    char *argv[] = { path, "--inlines", "--functions=linkage", "--demangle", NULL };
    pid_t pid;
    if (spawn(argv, &sym.in, &sym.out, &pid))
        sym.kind = 1;
}

/* ---- one address ---------------------------------------------------------------- */

static void chomp(char *s) { s[strcspn(s, "\r\n")] = 0; }

/* "file:line:col" or "file:line" -> file, line */
static void split_location(char *loc, rc_frame *f)
{
    char *c1 = strrchr(loc, ':');
    if (c1 && c1 != loc) {
        char *c2 = c1;
        while (c2 > loc && c2[-1] != ':')
            c2--;
        if (c2 > loc && c2 - 1 != loc && c2 < c1) { /* file:line:col */
            *c1 = 0;
            f->line = atoi(c2);
            c2[-1] = 0;
        } else {
            f->line = atoi(c1 + 1);
            *c1 = 0;
        }
    }
    snprintf(f->file, sizeof f->file, "%s", loc);
    if (!strcmp(f->file, "??"))
        f->file[0] = 0;
}

static int read_llvm(rc_frame *out, int max, uintptr_t pc)
{
    char fn[512], loc[1024];
    int n = 0;
    while (fgets(fn, sizeof fn, sym.out)) {
        chomp(fn);
        if (!fn[0])
            break; /* blank line ends this address */
        if (!fgets(loc, sizeof loc, sym.out))
            break;
        chomp(loc);
        if (n < max) {
            rc_frame *f = &out[n++];
            memset(f, 0, sizeof *f);
            f->pc = pc;
            snprintf(f->func, sizeof f->func, "%s", strcmp(fn, "??") ? fn : "");
            split_location(loc, f);
        }
    }
    for (int i = 0; i + 1 < n; i++)
        out[i].inlined = 1; /* all but the last (outermost) were inlined into it */
    return n;
}

static int addr2line(const module *m, uintptr_t off, rc_frame *out, int max, uintptr_t pc)
{
    char path[512], addr[32];
    if (!find_in_path("addr2line", path, sizeof path))
        return 0;
    snprintf(addr, sizeof addr, "0x%lx", (unsigned long)off);
    char *argv[] = { path, "-f", "-i", "-e", (char *)m->path, addr, NULL };
    FILE *to, *from;
    pid_t pid;
    if (!spawn(argv, &to, &from, &pid))
        return 0;
    fclose(to);
    char fn[512], loc[1024];
    int n = 0;
    while (n < max && fgets(fn, sizeof fn, from) && fgets(loc, sizeof loc, from)) {
        chomp(fn);
        chomp(loc);
        rc_frame *f = &out[n++];
        memset(f, 0, sizeof *f);
        f->pc = pc;
        snprintf(f->func, sizeof f->func, "%s", strcmp(fn, "??") ? fn : "");
        char *disc = strstr(loc, " (discriminator");
        if (disc)
            *disc = 0;
        split_location(loc, f);
    }
    fclose(from);
    waitpid(pid, NULL, 0);
    for (int i = 0; i + 1 < n; i++)
        out[i].inlined = 1;
    return n;
}

int rc_symbolize(uintptr_t pc, int is_return_address, rc_frame *out, int max)
{
    /* A return address points after the call: look up the call instruction. */
    uintptr_t lookup = is_return_address ? pc - 1 : pc;
    module m;
    int n = 0;
    if (find_module(lookup, &m) && sym_acquire()) {
        if (!sym.tried) {
            sym.tried = 1;
            start_llvm_symbolizer();
        }
        uintptr_t off = lookup - m.bias;
        if (sym.kind == 1) {
            fprintf(sym.in, "CODE \"%s\" 0x%lx\n", m.path, (unsigned long)off);
            fflush(sym.in);
            n = read_llvm(out, max, pc);
        } else {
            n = addr2line(&m, off, out, max, pc);
        }
        sym_release();
    }
    if (n == 0) {
        n = 1;
        memset(out, 0, sizeof *out);
        out->pc = pc;
    }
    if (!out[n - 1].func[0]) { /* no debug info: the dynamic symbol, if any */
        Dl_info di;
        if (dladdr((void *)lookup, &di) && di.dli_sname)
            snprintf(out[n - 1].func, sizeof out[n - 1].func, "%s", di.dli_sname);
    }
    /* offset from the function's entry, as Go prints it (+0x2d) */
    unw_proc_info_t pi;
    if (unw_get_proc_info_by_ip(unw_local_addr_space, lookup, &pi, NULL) == 0)
        for (int i = 0; i < n; i++)
            out[i].offset = pc - pi.start_ip;
    return n;
}

int rc_symbolize_data(uintptr_t addr, char *name, size_t n, uintptr_t *start, size_t *size)
{
    module m;
    if (!find_module(addr, &m) || !sym_acquire())
        return 0;
    if (!sym.tried) {
        sym.tried = 1;
        start_llvm_symbolizer();
    }
    char line1[512] = "??", line2[128] = "", blank[8];
    if (sym.kind == 1) {
        fprintf(sym.in, "DATA \"%s\" 0x%lx\n", m.path, (unsigned long)(addr - m.bias));
        fflush(sym.in);
        if (!fgets(line1, sizeof line1, sym.out) || !fgets(line2, sizeof line2, sym.out) ||
            !fgets(blank, sizeof blank, sym.out))
            snprintf(line1, sizeof line1, "??");
    }
    sym_release();
    chomp(line1);
    unsigned long st = 0, sz = 0;
    if (!strcmp(line1, "??") || sscanf(line2, "%lu %lu", &st, &sz) != 2)
        return 0;
    /* LLVM splits a global struct or array it can take apart (GlobalOpt's SRA) into
     * globals named "name.0", "name.1", ...: a C name has no dot, so show "name" */
    char *dot = strrchr(line1, '.');
    if (dot && dot > line1 && dot[1] && strspn(dot + 1, "0123456789") == strlen(dot + 1))
        *dot = 0;
    snprintf(name, n, "%s", line1);
    *start = st + m.bias;
    *size = sz;
    return 1;
}
