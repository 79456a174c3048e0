// See include/CertLintCryptoAccel.h. The intrinsics are enabled per function (target
// attributes), so the module builds with default flags and runs on CPUs without them.
#include "CertLintCryptoAccel.h"

#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>

static int cpu_has(unsigned leaf, unsigned subleaf, int reg, unsigned bit) {
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid_count(leaf, subleaf, &a, &b, &c, &d)) return 0;
    unsigned value = reg == 1 ? b : (reg == 2 ? c : d);
    return (value >> bit) & 1u;
}

int certlint_sha256_accelerated(void) {
    // CPUID.7.0:EBX.SHA[bit 29]; CPUID.1:ECX.SSSE3[bit 9] and SSE4.1[bit 19].
    return cpu_has(7, 0, 1, 29) && cpu_has(1, 0, 2, 9) && cpu_has(1, 0, 2, 19);
}

int certlint_aes_accelerated(void) {
    // CPUID.1:ECX.AESNI[bit 25]; CPUID.1:EDX.SSE2[bit 26].
    return cpu_has(1, 0, 2, 25) && cpu_has(1, 0, 3, 26);
}

static const uint32_t K256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

__attribute__((target("sha,sse4.1,ssse3")))
void certlint_sha256_compress(uint32_t state[8], const uint8_t *blocks, size_t blockCount) {
    // Big-endian message words; the state kept as ABEF / CDGH, as SHA256RNDS2 wants it.
    const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i tmp = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i state1 = _mm_loadu_si128((const __m128i *)&state[4]);
    tmp = _mm_shuffle_epi32(tmp, 0xB1);          // CDAB
    state1 = _mm_shuffle_epi32(state1, 0x1B);    // EFGH
    __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);  // ABEF
    state1 = _mm_blend_epi16(state1, tmp, 0xF0);       // CDGH

    for (size_t block = 0; block < blockCount; block++) {
        const uint8_t *data = blocks + 64 * block;
        const __m128i abefSaved = state0;
        const __m128i cdghSaved = state1;
        __m128i w[4];
        for (int group = 0; group < 16; group++) {
            // W[4g…4g+3]: the message words, then the schedule σ1(W[t−2]) + W[t−7] + σ0(W[t−15]) + W[t−16].
            if (group < 4) {
                w[group] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * group)), byteSwap);
            } else {
                __m128i older = _mm_sha256msg1_epu32(w[group & 3], w[(group + 1) & 3]);
                older = _mm_add_epi32(older, _mm_alignr_epi8(w[(group + 3) & 3], w[(group + 2) & 3], 4));
                w[group & 3] = _mm_sha256msg2_epu32(older, w[(group + 3) & 3]);
            }
            __m128i message = _mm_add_epi32(w[group & 3], _mm_loadu_si128((const __m128i *)&K256[4 * group]));
            state1 = _mm_sha256rnds2_epu32(state1, state0, message);
            message = _mm_shuffle_epi32(message, 0x0E);
            state0 = _mm_sha256rnds2_epu32(state0, state1, message);
        }
        state0 = _mm_add_epi32(state0, abefSaved);
        state1 = _mm_add_epi32(state1, cdghSaved);
    }

    tmp = _mm_shuffle_epi32(state0, 0x1B);        // FEBA
    state1 = _mm_shuffle_epi32(state1, 0xB1);     // DCHG
    state0 = _mm_blend_epi16(tmp, state1, 0xF0);  // DCBA
    state1 = _mm_alignr_epi8(state1, tmp, 8);     // ABEF
    _mm_storeu_si128((__m128i *)&state[0], state0);
    _mm_storeu_si128((__m128i *)&state[4], state1);
}

// FIPS-197 §5.2 key expansion (byte-oriented; the S-box computed from its definition on each
// call, which costs far less than the decryption and needs no shared state).

static uint8_t rotl8(uint8_t x, int s) { return (uint8_t)((x << s) | (x >> (8 - s))); }

static void buildSbox(uint8_t sbox[256]) {
    // The multiplicative inverse in GF(2^8) followed by the affine map (FIPS-197 §5.1.1).
    uint8_t p = 1, q = 1;
    do {
        p = (uint8_t)(p ^ (p << 1) ^ ((p & 0x80) ? 0x1B : 0));
        q ^= (uint8_t)(q << 1);
        q ^= (uint8_t)(q << 2);
        q ^= (uint8_t)(q << 4);
        if (q & 0x80) q ^= 0x09;
        sbox[p] = (uint8_t)(q ^ rotl8(q, 1) ^ rotl8(q, 2) ^ rotl8(q, 3) ^ rotl8(q, 4) ^ 0x63);
    } while (p != 1);
    sbox[0] = 0x63;
}

static void expandKey(const uint8_t *key, int nk, int rounds, uint8_t *schedule /* 16 * (rounds + 1) */) {
    uint8_t sbox[256];
    buildSbox(sbox);
    const int words = 4 * (rounds + 1);
    memcpy(schedule, key, (size_t)(4 * nk));
    uint8_t rcon = 1;
    for (int i = nk; i < words; i++) {
        uint8_t t[4];
        memcpy(t, schedule + 4 * (i - 1), 4);
        if (i % nk == 0) {
            const uint8_t first = t[0];
            t[0] = (uint8_t)(sbox[t[1]] ^ rcon);
            t[1] = sbox[t[2]];
            t[2] = sbox[t[3]];
            t[3] = sbox[first];
            rcon = (uint8_t)((rcon << 1) ^ ((rcon & 0x80) ? 0x1B : 0));
        } else if (nk > 6 && i % nk == 4) {
            for (int j = 0; j < 4; j++) t[j] = sbox[t[j]];
        }
        for (int j = 0; j < 4; j++) schedule[4 * i + j] = (uint8_t)(schedule[4 * (i - nk) + j] ^ t[j]);
    }
}

__attribute__((target("aes,sse2")))
int certlint_aes_cbc_decrypt(
    const uint8_t *key, size_t keyLength, const uint8_t iv[16], const uint8_t *input, uint8_t *output, size_t blockCount) {
    int rounds;
    switch (keyLength) {
    case 16: rounds = 10; break;
    case 24: rounds = 12; break;
    case 32: rounds = 14; break;
    default: return -1;
    }
    uint8_t schedule[16 * 15];
    expandKey(key, (int)(keyLength / 4), rounds, schedule);
    // The equivalent inverse cipher's keys (FIPS-197 §5.3.5): reversed, InvMixColumns inside.
    __m128i dk[15];
    dk[0] = _mm_loadu_si128((const __m128i *)(schedule + 16 * rounds));
    for (int r = 1; r < rounds; r++) dk[r] = _mm_aesimc_si128(_mm_loadu_si128((const __m128i *)(schedule + 16 * (rounds - r))));
    dk[rounds] = _mm_loadu_si128((const __m128i *)schedule);

    __m128i previous = _mm_loadu_si128((const __m128i *)iv);
    size_t i = 0;
    for (; i + 8 <= blockCount; i += 8) {
        // Eight blocks at a time: CBC decryption has no chain between the block decryptions,
        // and eight keep the AES unit busy through its latency.
        __m128i c[8], x[8];
        for (int b = 0; b < 8; b++) {
            c[b] = _mm_loadu_si128((const __m128i *)(input + 16 * (i + b)));
            x[b] = _mm_xor_si128(c[b], dk[0]);
        }
        for (int r = 1; r < rounds; r++) {
            for (int b = 0; b < 8; b++) x[b] = _mm_aesdec_si128(x[b], dk[r]);
        }
        for (int b = 0; b < 8; b++) {
            x[b] = _mm_xor_si128(_mm_aesdeclast_si128(x[b], dk[rounds]), b == 0 ? previous : c[b - 1]);
            _mm_storeu_si128((__m128i *)(output + 16 * (i + b)), x[b]);
        }
        previous = c[7];
    }
    for (; i < blockCount; i++) {
        __m128i c = _mm_loadu_si128((const __m128i *)(input + 16 * i));
        __m128i x = _mm_xor_si128(c, dk[0]);
        for (int r = 1; r < rounds; r++) x = _mm_aesdec_si128(x, dk[r]);
        _mm_storeu_si128((__m128i *)(output + 16 * i), _mm_xor_si128(_mm_aesdeclast_si128(x, dk[rounds]), previous));
        previous = c;
    }
    // The key schedule is key material: clear it (volatile, so the stores are not elided).
    volatile uint8_t *wipe = schedule;
    for (size_t j = 0; j < sizeof schedule; j++) wipe[j] = 0;
    for (int r = 0; r <= rounds; r++) dk[r] = _mm_setzero_si128();
    return 0;
}

#else

int certlint_sha256_accelerated(void) { return 0; }
void certlint_sha256_compress(uint32_t state[8], const uint8_t *blocks, size_t blockCount) {
    (void)state; (void)blocks; (void)blockCount;
}
int certlint_aes_accelerated(void) { return 0; }
int certlint_aes_cbc_decrypt(
    const uint8_t *key, size_t keyLength, const uint8_t iv[16], const uint8_t *input, uint8_t *output, size_t blockCount) {
    (void)key; (void)keyLength; (void)iv; (void)input; (void)output; (void)blockCount;
    return -1;
}

#endif
