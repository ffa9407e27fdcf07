/*
 * github.c: --github, GitHub Actions workflow commands on stdout, one per report:
 *   ::error file=F,line=L,title=Data race::<sentence>%0A%0A<the text report>
 * (::warning for the kinds SARIF calls warnings; controlled runs add the seed and
 * the replay command after the sentence). file is as the source root sees it
 * (paths.c), so the annotation lands on the line in the pull request's diff.
 * Escaping is the runner's: % CR LF in the message, and also : , in properties.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static void escaped(FILE *f, const char *s, bool property)
{
    for (; *s; s++) {
        if (*s == '%')
            fputs("%25", f);
        else if (*s == '\r')
            fputs("%0D", f);
        else if (*s == '\n')
            fputs("%0A", f);
        else if (property && *s == ':')
            fputs("%3A", f);
        else if (property && *s == ',')
            fputs("%2C", f);
        else
            fputc(*s, f);
    }
}

void github_write(FILE *f)
{
    for (int i = 0; i < nreports; i++) {
        const rc_report *r = reports[i];
        const rc_kind_info *ki = kind_info(r->kind);
        char sentence[4096], rel[4096];
        report_sentence(r, sentence, sizeof sentence);
        fprintf(f, "::%s ", strcmp(ki->level, "error") ? "warning" : "error");
        rc_loc l;
        if (report_primary(r, &l)) {
            fputs("file=", f);
            escaped(f, rel_path(l.file, rel, sizeof rel), true);
            fprintf(f, ",line=%lld,", l.line);
        }
        fputs("title=", f);
        escaped(f, ki->title, true);
        fputs("::", f);
        escaped(f, sentence, false);
        if (controlled()) {
            char cmd[8192];
            replay_command(r->seed, cmd, sizeof cmd);
            fprintf(f, "%%0AFound with seed %llu; replay: ", r->seed);
            escaped(f, cmd, false);
        }
        fputs("%0A%0A", f);
        const char *t = r->text; /* without its ================== frame */
        while (!strncmp(t, "==================\n", 19))
            t += 19;
        size_t n = strlen(t);
        if (n >= 19 && !strcmp(t + n - 19, "==================\n"))
            n -= 19;
        char *body = strndup(t, n);
        escaped(f, body ? body : "", false);
        free(body);
        fputc('\n', f);
    }
    fflush(f);
}
