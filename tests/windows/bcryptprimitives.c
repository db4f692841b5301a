/* Test-only stand-in for Windows' bcryptprimitives.dll, which Debian's Wine 8 lacks: Rust's
   standard library asks it for random bytes (ProcessPrng) at start. This forwards to
   advapi32's RtlGenRandom (SystemFunction036), which Wine has. Never shipped. */
#include <windows.h>

typedef BOOLEAN(WINAPI *gen_random)(PVOID, ULONG);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    static gen_random gen;
    if (!gen) {
        HMODULE advapi = LoadLibraryA("advapi32.dll");
        gen = advapi ? (gen_random)GetProcAddress(advapi, "SystemFunction036") : NULL;
        if (!gen) return FALSE;
    }
    while (len) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!gen(data, chunk)) return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
