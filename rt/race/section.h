/*
 * section.h: force-included (-include, rt/CMakeLists.txt) into every C file of
 * libracecheck_race. All of the runtime's code goes to the section rc_rt_text, whose
 * bounds the linker provides as __start_rc_rt_text and __stop_rc_rt_text: that is how
 * the libc interceptors (intercept.c) tell the runtime's own calls to memcpy, strlen,
 * ... (never checked: the runtime reports its accesses for the user through hooks.h)
 * from the program's, by the caller's address. The compiler's implicit calls (a
 * struct copy becoming memcpy) are covered too, which renaming the calls would miss.
 */
#if defined(__clang__) && !defined(__ASSEMBLER__)
#pragma clang section text = "rc_rt_text"
#endif
