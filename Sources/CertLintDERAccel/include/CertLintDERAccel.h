// Our own C for CertLintDER: the CPU's vector instructions for its hottest loops (Base64
// decoding of PEM bodies, finding where a body ends), and the lock of its table of long OIDs
// (CertLintDER imports no Swift library that has one). CertLintPolicy's engine also uses its
// cache prefetch, which Swift does not offer.
// Our own code: x86-64 SSSE3 intrinsics, used only when the CPU reports them at run time;
// elsewhere the function decodes nothing and the portable Swift decoder does all the work.
#ifndef CERTLINT_DER_ACCEL_H
#define CERTLINT_DER_ACCEL_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the SSSE3 instructions certlint_base64_decode_blocks uses.
int certlint_base64_accelerated(void);

/// Decodes the longest run of whole 16-character groups at the start of `input[0..<length]`
/// that hold only characters of the standard Base64 alphabet (no padding, no white space),
/// writing 12 bytes a group to `output`, and returns the number of characters decoded (a
/// multiple of 16). Each group stores 16 bytes (the last four are scratch, overwritten by the
/// next group or ignored), so it stops when fewer than 16 bytes of `outputCapacity` remain.
/// The caller decodes the rest, and reports any invalid character, itself.
size_t certlint_base64_decode_blocks(const uint8_t *input, size_t length, uint8_t *output, size_t outputCapacity);

/// The position of the first `byte` in `input[0..<length]`, or `length` (the C library's
/// memchr, which uses the CPU's widest vectors on every platform).
size_t certlint_find_byte(const uint8_t *input, size_t length, uint8_t byte);

/// Asks the CPU to bring the cache lines at `address` (and the `lines - 1` lines after it)
/// into its caches, without waiting: for loops that will soon read objects spread in memory.
static inline void certlint_prefetch(const void *address, int lines) {
    for (int i = 0; i < lines; i++) __builtin_prefetch((const char *)address + 64 * i, 0, 3);
}

/// Takes and releases the process-wide lock of CertLintDER's table of long OIDs.
void certlint_oid_table_lock(void);
void certlint_oid_table_unlock(void);

#endif
