// See include/CertLintDERAccel.h. The intrinsics are enabled per function (target
// attributes), so the module builds with default flags and runs on CPUs without them.
//
// The method is Muła and Lemire's ("Faster Base64 Encoding and Decoding Using AVX2
// Instructions", ACM TOW 2018), at SSE width: two nibble-indexed lookups classify every
// character (any invalid one stops the run), a third gives the offset from the character to
// its 6-bit value, and two multiply-adds pack four 6-bit values into three bytes.
#include "CertLintDERAccel.h"

#include <pthread.h>
#include <string.h>

static pthread_mutex_t oidTableLock = PTHREAD_MUTEX_INITIALIZER;

void certlint_oid_table_lock(void) { pthread_mutex_lock(&oidTableLock); }

void certlint_oid_table_unlock(void) { pthread_mutex_unlock(&oidTableLock); }

size_t certlint_find_byte(const uint8_t *input, size_t length, uint8_t byte) {
    const uint8_t *found = memchr(input, byte, length);
    return found ? (size_t)(found - input) : length;
}

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>

int certlint_base64_accelerated(void) {
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    return (c >> 9) & 1u;  // CPUID.1:ECX.SSSE3[bit 9]
}

__attribute__((target("ssse3")))
size_t certlint_base64_decode_blocks(const uint8_t *input, size_t length, uint8_t *output, size_t outputCapacity) {
    // Indexed by the low nibble: the classes of characters with that low nibble are invalid
    // unless the high nibble's class bit is clear in this entry.
    const __m128i lutLow = _mm_setr_epi8(
        0x15, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x13, 0x1A, 0x1B, 0x1B, 0x1B, 0x1A);
    // Indexed by the high nibble: 0x10 for nibbles with no valid character (0, 1, 8–15);
    // 0x01 for 2 ('+', '/'), 0x02 for 3 (digits), 0x04 / 0x08 for 4–7 (letters).
    const __m128i lutHigh = _mm_setr_epi8(
        0x10, 0x10, 0x01, 0x02, 0x04, 0x08, 0x04, 0x08, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10);
    // Indexed by the high nibble (less one for '/'): what to add to a character to get its value.
    const __m128i lutRoll = _mm_setr_epi8(0, 16, 19, 4, -65, -65, -71, -71, 0, 0, 0, 0, 0, 0, 0, 0);
    const __m128i mask2F = _mm_set1_epi8(0x2F);
    const __m128i zero = _mm_setzero_si128();
    const __m128i pairs = _mm_set1_epi32(0x01400140);   // a·64 + b, c·64 + d
    const __m128i quads = _mm_set1_epi32(0x00011000);   // ab·4096 + cd
    const __m128i order = _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);

    size_t i = 0;
    size_t o = 0;
    while (i + 16 <= length && o + 16 <= outputCapacity) {
        __m128i text = _mm_loadu_si128((const __m128i *)(input + i));
        const __m128i highNibbles = _mm_and_si128(_mm_srli_epi32(text, 4), mask2F);
        const __m128i lowNibbles = _mm_and_si128(text, mask2F);
        const __m128i high = _mm_shuffle_epi8(lutHigh, highNibbles);
        const __m128i low = _mm_shuffle_epi8(lutLow, lowNibbles);
        // A character is invalid when its two classes share a bit.
        if (_mm_movemask_epi8(_mm_cmpgt_epi8(_mm_and_si128(low, high), zero)) != 0) break;
        const __m128i isSlash = _mm_cmpeq_epi8(text, mask2F);
        const __m128i roll = _mm_shuffle_epi8(lutRoll, _mm_add_epi8(isSlash, highNibbles));
        text = _mm_add_epi8(text, roll);
        const __m128i merged = _mm_madd_epi16(_mm_maddubs_epi16(text, pairs), quads);
        _mm_storeu_si128((__m128i *)(output + o), _mm_shuffle_epi8(merged, order));
        i += 16;
        o += 12;
    }
    return i;
}

#else

int certlint_base64_accelerated(void) { return 0; }

size_t certlint_base64_decode_blocks(const uint8_t *input, size_t length, uint8_t *output, size_t outputCapacity) {
    (void)input; (void)length; (void)output; (void)outputCapacity;
    return 0;
}

#endif
