/* symbolize.h: program counters to source locations (see symbolize.c). */
#ifndef RC_SYMBOLIZE_H
#define RC_SYMBOLIZE_H

#include <stddef.h>
#include <stdint.h>

typedef struct rc_frame {
    uintptr_t pc;
    uintptr_t offset;     /* pc - function entry */
    char      func[256];  /* "" if unknown */
    char      file[512];  /* "" if unknown */
    int       line;
    int       inlined;    /* inlined into the next frame */
} rc_frame;

/* Fills up to max frames for pc (more than one when inlined, innermost first).
 * is_return_address: pc came from unwinding a caller (look up pc - 1). */
int rc_symbolize(uintptr_t pc, int is_return_address, rc_frame *out, int max);

/* A global variable containing addr: its name, start and size (llvm-symbolizer only). */
int rc_symbolize_data(uintptr_t addr, char *name, size_t n, uintptr_t *start, size_t *size);

#endif
