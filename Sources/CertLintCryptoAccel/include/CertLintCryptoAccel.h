// The CPU's SHA-256 and AES instructions, for CertLintCrypto's hot loops (hashing certificates,
// decrypting keystores). Our own code: x86-64 SHA-NI and AES-NI intrinsics, used only when the
// CPU reports them at run time; elsewhere every function reports "unavailable" and the portable
// Swift implementations run. Checked against the same published vectors as the Swift code.
#ifndef CERTLINT_CRYPTO_ACCEL_H
#define CERTLINT_CRYPTO_ACCEL_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the SHA-256 instructions (and SSSE3/SSE4.1) this module uses.
int certlint_sha256_accelerated(void);

/// Compresses `blockCount` 64-byte blocks into the SHA-256 state (H0…H7, native integers).
/// Call only when certlint_sha256_accelerated() is 1.
void certlint_sha256_compress(uint32_t state[8], const uint8_t *blocks, size_t blockCount);

/// 1 when this CPU has the AES instructions (and SSE2) this module uses.
int certlint_aes_accelerated(void);

/// AES-CBC decryption of `blockCount` 16-byte blocks with a 16-, 24- or 32-byte key, without
/// padding removal; `output` may not overlap `input`. Returns 0 on success, -1 for another key
/// length. Call only when certlint_aes_accelerated() is 1. The expanded key lives on the stack
/// and is cleared before returning.
int certlint_aes_cbc_decrypt(
    const uint8_t *key, size_t keyLength, const uint8_t iv[16], const uint8_t *input, uint8_t *output, size_t blockCount);

#endif
