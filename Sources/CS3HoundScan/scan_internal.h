#ifndef S3H_SCAN_INTERNAL_H
#define S3H_SCAN_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "s3h_scan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#define S3H_SIMD 1
#endif

static inline int s3h_is_hex(uint8_t b) { return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F'); }

/// Length of the UTF-8 sequence starting at p[i] (a byte >= 0x80), or 0 when it is not well formed
/// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or -1 when the text ends inside it.
static inline int s3h_utf8_length(const uint8_t *p, size_t n, size_t i) {
    uint8_t b = p[i];
    int length;
    uint8_t low = 0x80, high = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) length = 2;
    else if (b == 0xE0) { length = 3; low = 0xA0; }
    else if (b >= 0xE1 && b <= 0xEC) length = 3;
    else if (b == 0xED) { length = 3; high = 0x9F; }
    else if (b >= 0xEE && b <= 0xEF) length = 3;
    else if (b == 0xF0) { length = 4; low = 0x90; }
    else if (b >= 0xF1 && b <= 0xF3) length = 4;
    else if (b == 0xF4) { length = 4; high = 0x8F; }
    else return 0;
    if (i + (size_t)length > n) {
        // Check what is there before blaming the end of the text.
        for (size_t k = 1; i + k < n; k++) {
            uint8_t c = p[i + k];
            if (k == 1 ? (c < low || c > high) : (c < 0x80 || c > 0xBF)) return 0;
        }
        return -1;
    }
    if (p[i + 1] < low || p[i + 1] > high) return 0;
    for (int k = 2; k < length; k++) if (p[i + k] < 0x80 || p[i + k] > 0xBF) return 0;
    return length;
}

/// Always inline: the one-pass reader calls it for every key and value, and most strings end within a step.
static inline __attribute__((always_inline)) int s3h_scan_string(const uint8_t *p, size_t n, size_t start, size_t *end, unsigned *flags) {
    size_t i = start;
    for (;;) {
#if S3H_SIMD
        const __m128i quote = _mm_set1_epi8('"');
        const __m128i backslash = _mm_set1_epi8('\\');
        const __m128i control = _mm_set1_epi8(0x1F);
        while (i + 16 <= n) {
            __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
            __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                           _mm_cmpeq_epi8(_mm_max_epu8(v, control), control));
            // Bytes >= 0x80 (non-ASCII) have their top bit set: movemask of v itself finds them.
            unsigned mask = (unsigned)(_mm_movemask_epi8(special) | _mm_movemask_epi8(v));
            if (mask == 0) { i += 16; continue; }
            i += (size_t)__builtin_ctz(mask);
            goto special_byte;
        }
#endif
        while (i < n) {
            uint8_t b = p[i];
            if (b == '"' || b == '\\' || b < 0x20 || b >= 0x80) goto special_byte;
            i++;
        }
        *end = i;
        return S3H_END;
    special_byte: {
            uint8_t b = p[i];
            if (b == '"') { *end = i; return S3H_OK; }
            if (b < 0x20) { *end = i; return S3H_CONTROL; }
            if (b >= 0x80) {
                int length = s3h_utf8_length(p, n, i);
                if (length == 0) { *end = i; return S3H_UTF8; }
                if (length < 0) { *end = i; return S3H_END; }
                i += (size_t)length;
                continue;
            }
            // A backslash: one of "\/bfnrt, or u and four hex digits.
            *flags |= S3H_STRING_ESCAPED;
            if (i + 1 >= n) { *end = i; return S3H_END; }
            uint8_t e = p[i + 1];
            switch (e) {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
                i += 2;
                break;
            case 'u':
                if (i + 6 > n) { *end = i; return S3H_END; }
                if (!s3h_is_hex(p[i + 2]) || !s3h_is_hex(p[i + 3]) || !s3h_is_hex(p[i + 4]) || !s3h_is_hex(p[i + 5])) { *end = i; return S3H_ESCAPE; }
                i += 6;
                break;
            default:
                *end = i;
                return S3H_ESCAPE;
            }
        }
    }
}



/// Skips the JSON number at p[*index] (its first byte is '-' or a digit), moving *index past it.
int s3h_skip_number(const uint8_t *p, size_t n, size_t *index);

/// Skips true, false or null at p[*index] (its first byte is 't', 'f' or 'n'), moving *index past it.
int s3h_skip_literal(const uint8_t *p, size_t n, size_t *index);

#endif
