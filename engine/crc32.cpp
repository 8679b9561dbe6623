#include "engine/crc32.h"

#include <zlib.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define BYTEHAUL_CRC32_CLMUL 1
#include <immintrin.h>
#endif

namespace bytehaul {

namespace {

quint32 zlibCrc(quint32 crc, const char *p, qsizetype size)
{
    uLong c = crc;
    while (size > 0) { // zlib takes uInt lengths
        const uInt n = uInt(std::min<qsizetype>(size, 1 << 30));
        c = ::crc32(c, reinterpret_cast<const Bytef *>(p), n);
        p += n;
        size -= n;
    }
    return quint32(c);
}

#ifdef BYTEHAUL_CRC32_CLMUL
// Folding with carry-less multiplication: V. Gopal, E. Ozturk et al., "Fast CRC Computation
// for Generic Polynomials Using PCLMULQDQ Instruction", Intel, 2009. The constants are the
// paper's for the bit-reflected polynomial 0x104C11DB7: x^(4*128+32) mod P and x^(4*128-32)
// mod P fold four lanes 512 bits ahead, the next pair folds one lane 128 bits ahead, then
// 128 -> 64 bits, and a Barrett reduction (P and mu) ends at 32 bits.
#define BYTEHAUL_CLMUL_TARGET __attribute__((target("pclmul,sse4.1")))

BYTEHAUL_CLMUL_TARGET inline __m128i load(const char *at)
{
    return _mm_loadu_si128(reinterpret_cast<const __m128i *>(at));
}

// a * k folded onto the next 128 bits b: (a.lo * k.lo) ^ (a.hi * k.hi) ^ b.
BYTEHAUL_CLMUL_TARGET inline __m128i fold(__m128i a, __m128i k, __m128i b)
{
    return _mm_xor_si128(
        _mm_xor_si128(_mm_clmulepi64_si128(a, k, 0x00), _mm_clmulepi64_si128(a, k, 0x11)), b);
}

// Takes and returns the CRC in its inverted (register) form; size is a multiple of 16, >= 64.
BYTEHAUL_CLMUL_TARGET quint32 foldCrc(quint32 crc, const char *p, qsizetype size)
{
    const __m128i fold4 = _mm_set_epi64x(0x01c6e41596, 0x0154442bd4);
    const __m128i fold1 = _mm_set_epi64x(0x00ccaa009e, 0x01751997d0);
    const __m128i fold64 = _mm_set_epi64x(0, 0x0163cd6124);
    const __m128i barrett = _mm_set_epi64x(0x01f7011641, 0x01db710641);
    const __m128i low32 = _mm_setr_epi32(~0, 0, ~0, 0);

    __m128i lane[4] = { _mm_xor_si128(load(p), _mm_cvtsi32_si128(int(crc))), load(p + 16),
        load(p + 32), load(p + 48) };
    p += 64;
    size -= 64;
    for (; size >= 64; p += 64, size -= 64) {
        for (int i = 0; i < 4; ++i)
            lane[i] = fold(lane[i], fold4, load(p + 16 * i));
    }
    __m128i x = fold(fold(fold(lane[0], fold1, lane[1]), fold1, lane[2]), fold1, lane[3]);
    for (; size >= 16; p += 16, size -= 16)
        x = fold(x, fold1, load(p));

    // 128 -> 64 bits.
    x = _mm_xor_si128(_mm_srli_si128(x, 8), _mm_clmulepi64_si128(x, fold1, 0x10));
    x = _mm_xor_si128(
        _mm_srli_si128(x, 4), _mm_clmulepi64_si128(_mm_and_si128(x, low32), fold64, 0x00));
    // Barrett reduction to 32 bits.
    __m128i t = _mm_clmulepi64_si128(_mm_and_si128(x, low32), barrett, 0x10);
    t = _mm_clmulepi64_si128(_mm_and_si128(t, low32), barrett, 0x00);
    return quint32(_mm_extract_epi32(_mm_xor_si128(x, t), 1));
}

bool hasClmul()
{
    static const bool yes = __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("sse4.1");
    return yes;
}
#endif

} // namespace

bool crc32IsAccelerated()
{
#ifdef BYTEHAUL_CRC32_CLMUL
    return hasClmul();
#else
    return false;
#endif
}

quint32 crc32Update(quint32 crc, QByteArrayView data)
{
    const char *p = data.data();
    qsizetype size = data.size();
#ifdef BYTEHAUL_CRC32_CLMUL
    if (size >= 64 && hasClmul()) {
        const qsizetype folded = size & ~qsizetype(15);
        crc = ~foldCrc(~crc, p, folded);
        p += folded;
        size -= folded;
    }
#endif
    return size > 0 ? zlibCrc(crc, p, size) : crc;
}

} // namespace bytehaul
