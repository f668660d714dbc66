// Most of CSystem is headers; what needs a compiled body (a CPU feature check and an
// instruction behind a target attribute) lives here.
#include "CSystem.h"
#include <stdint.h>
#include <string.h>

#if defined(__x86_64__)
#include <cpuid.h>

int csystem_crc32c_available(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    return (ecx & bit_SSE4_2) != 0;
}

__attribute__((target("sse4.2")))
unsigned int csystem_crc32c(unsigned int crc, const void *bytes, unsigned long count) {
    const unsigned char *p = bytes;
    uint64_t wide = crc;
    while (count >= 8) {
        uint64_t word;
        memcpy(&word, p, 8);
        wide = __builtin_ia32_crc32di(wide, word);
        p += 8;
        count -= 8;
    }
    unsigned int narrow = (unsigned int)wide;
    while (count > 0) {
        narrow = __builtin_ia32_crc32qi(narrow, *p++);
        count--;
    }
    return narrow;
}
#else
int csystem_crc32c_available(void) { return 0; }

unsigned int csystem_crc32c(unsigned int crc, const void *bytes, unsigned long count) {
    (void)bytes;
    (void)count;
    return crc;
}
#endif
