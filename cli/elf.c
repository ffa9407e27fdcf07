/*
 * elf.c: was this executable built with the racecheck pass? Code the pass
 * instrumented links rt/race/abi.c, whose section racecheck_abi stays in the
 * section header table even after strip. A 64-bit ELF file of the host's byte order
 * whose section table lacks it cannot report a data race. What is not ELF (a
 * script) or has no section table to read is given the benefit of the doubt.
 */
#include "cli.h"

#include <elf.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MARKER "racecheck_abi"

static bool read_at(int fd, void *buf, size_t n, off_t off)
{
    return pread(fd, buf, n, off) == (ssize_t)n;
}

/* 1: the marker is there, 0: it is not, -1: cannot tell. */
static int scan(int fd)
{
    Elf64_Ehdr eh;
    if (!read_at(fd, &eh, sizeof eh, 0) || eh.e_shoff == 0 ||
        eh.e_shentsize != sizeof(Elf64_Shdr) || eh.e_shstrndx >= eh.e_shnum)
        return -1;
    size_t n = eh.e_shnum;
    Elf64_Shdr *sh = calloc(n, sizeof *sh);
    if (!sh || !read_at(fd, sh, n * sizeof *sh, (off_t)eh.e_shoff)) {
        free(sh);
        return -1;
    }
    const Elf64_Shdr *str = &sh[eh.e_shstrndx];
    char *names = str->sh_size < (1u << 24) ? malloc(str->sh_size + 1) : NULL;
    int found = -1;
    if (names && read_at(fd, names, str->sh_size, (off_t)str->sh_offset)) {
        names[str->sh_size] = 0;
        found = 0;
        for (size_t i = 0; i < n && !found; i++)
            found = sh[i].sh_name < str->sh_size && !strcmp(names + sh[i].sh_name, MARKER);
    }
    free(names);
    free(sh);
    return found;
}

bool elf_unmarked(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    unsigned char id[EI_NIDENT];
    int found = -1;
    const union { uint16_t u; unsigned char c; } one = { 1 };
    unsigned char host = one.c ? ELFDATA2LSB : ELFDATA2MSB;
    if (read_at(fd, id, sizeof id, 0) && !memcmp(id, ELFMAG, SELFMAG) && id[EI_DATA] == host)
        found = id[EI_CLASS] == ELFCLASS64 ? scan(fd) : -1;
    close(fd);
    return found == 0;
}
