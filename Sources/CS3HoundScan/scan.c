// The innermost loops of the CloudTrail JSON reader: finding string ends and skipping values the
// detections do not read, sixteen bytes at a time where the platform has SSE2.
#include "s3h_scan.h"
#include "scan_internal.h"
#include <string.h>

static inline int is_space(uint8_t b) { return b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09; }
static inline int is_digit(uint8_t b) { return b >= '0' && b <= '9'; }

int s3h_string_scan(const uint8_t *p, size_t n, size_t start, size_t *end, unsigned *flags) {
    return s3h_scan_string(p, n, start, end, flags);
}

int s3h_skip_number(const uint8_t *p, size_t n, size_t *index) {
    size_t i = *index;
    if (p[i] == '-') i++;
    if (i >= n) { *index = i; return S3H_END; }
    if (p[i] == '0') {
        i++;
    } else if (p[i] >= '1' && p[i] <= '9') {
        while (i < n && is_digit(p[i])) i++;
    } else {
        *index = i;
        return S3H_NUMBER;
    }
    if (i < n && p[i] == '.') {
        i++;
        if (i >= n) { *index = i; return S3H_END; }
        if (!is_digit(p[i])) { *index = i; return S3H_NUMBER; }
        while (i < n && is_digit(p[i])) i++;
    }
    if (i < n && (p[i] == 'e' || p[i] == 'E')) {
        i++;
        if (i < n && (p[i] == '+' || p[i] == '-')) i++;
        if (i >= n) { *index = i; return S3H_END; }
        if (!is_digit(p[i])) { *index = i; return S3H_NUMBER; }
        while (i < n && is_digit(p[i])) i++;
    }
    // A digit right after a leading zero ("012") is not JSON.
    if (i < n && is_digit(p[i])) { *index = i; return S3H_NUMBER; }
    *index = i;
    return S3H_OK;
}

int s3h_skip_literal(const uint8_t *p, size_t n, size_t *index) {
    size_t i = *index;
    const char *word = p[i] == 't' ? "true" : p[i] == 'f' ? "false" : "null";
    size_t length = strlen(word);
    for (size_t k = 0; k < length; k++) {
        if (i + k >= n) { *index = i + k; return S3H_END; }
        if (p[i + k] != (uint8_t)word[k]) { *index = i + k; return S3H_LITERAL; }
    }
    *index = i + length;
    return S3H_OK;
}

#define SKIP_SPACE() do { while (i < n && is_space(p[i])) i++; } while (0)
#define FAIL(code) do { *end = i; return (code); } while (0)

int s3h_skip_value(const uint8_t *p, size_t n, size_t start, size_t max_depth, size_t *end) {
    // Open containers, innermost last: '{' or '['. Depth is bounded by max_depth (and 1024).
    uint8_t stack[1024];
    size_t depth = 0;
    if (max_depth > sizeof stack) max_depth = sizeof stack;
    size_t i = start;
    int status;

value:
    SKIP_SPACE();
    if (i >= n) FAIL(S3H_END);
    switch (p[i]) {
    case '"': {
        unsigned flags = 0;
        size_t close;
        status = s3h_scan_string(p, n, i + 1, &close, &flags);
        if (status != S3H_OK) { *end = close; return status; }
        i = close + 1;
        goto after_value;
    }
    case '{':
        if (depth >= max_depth) FAIL(S3H_DEPTH);
        stack[depth++] = '{';
        i++;
        SKIP_SPACE();
        if (i >= n) FAIL(S3H_END);
        if (p[i] == '}') { i++; depth--; goto after_value; }
        goto member;
    case '[':
        if (depth >= max_depth) FAIL(S3H_DEPTH);
        stack[depth++] = '[';
        i++;
        SKIP_SPACE();
        if (i >= n) FAIL(S3H_END);
        if (p[i] == ']') { i++; depth--; goto after_value; }
        goto value;
    case 't': case 'f': case 'n':
        status = s3h_skip_literal(p, n, &i);
        if (status != S3H_OK) FAIL(status);
        goto after_value;
    case '-': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
        status = s3h_skip_number(p, n, &i);
        if (status != S3H_OK) FAIL(status);
        goto after_value;
    default:
        FAIL(S3H_UNEXPECTED);
    }

member:
    // At a key inside an object (white space skipped).
    if (p[i] != '"') FAIL(S3H_UNEXPECTED);
    {
        unsigned flags = 0;
        size_t close;
        status = s3h_scan_string(p, n, i + 1, &close, &flags);
        if (status != S3H_OK) { *end = close; return status; }
        i = close + 1;
    }
    SKIP_SPACE();
    if (i >= n) FAIL(S3H_END);
    if (p[i] != ':') FAIL(S3H_UNEXPECTED);
    i++;
    goto value;

after_value:
    if (depth == 0) { *end = i; return S3H_OK; }
    SKIP_SPACE();
    if (i >= n) FAIL(S3H_END);
    if (p[i] == ',') {
        i++;
        SKIP_SPACE();
        if (i >= n) FAIL(S3H_END);
        if (stack[depth - 1] == '{') goto member;
        goto value;
    }
    if ((p[i] == '}' && stack[depth - 1] == '{') || (p[i] == ']' && stack[depth - 1] == '[')) {
        i++;
        depth--;
        goto after_value;
    }
    FAIL(S3H_UNEXPECTED);
}

size_t s3h_find_byte(const uint8_t *p, size_t n, size_t start, uint8_t byte) {
    if (start >= n) return n;
    const void *hit = memchr(p + start, byte, n - start);
    return hit ? (size_t)((const uint8_t *)hit - p) : n;
}

static inline uint64_t load64(const uint8_t *p) { uint64_t v; memcpy(&v, p, 8); return v; }

static inline uint64_t mix64(uint64_t a, uint64_t b) {
    __uint128_t r = (__uint128_t)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
}

uint64_t s3h_hash_bytes(const uint8_t *p, size_t n, uint64_t seed) {
    // The first 64 bytes all count, 16 per round in two lanes, then the last 16 and the length: texts that
    // differ only deep inside a long middle (past byte 64, before the last 16) collide, and a table tells
    // them apart by comparing. User agents differ early (client, version), ARNs and addresses at the end.
    const uint64_t k1 = 0xe7037ed1a0b428dbULL, k2 = 0x8ebc6af09c88c6e3ULL, k3 = 0x589965cc75374cc3ULL;
    uint64_t a = seed ^ k1, b = seed ^ k2 ^ (uint64_t)n;
    size_t head = n < 64 ? n : 64, i = 0;
    for (; i + 16 <= head; i += 16) {
        a = mix64(a ^ load64(p + i), k3);
        b = mix64(b ^ load64(p + i + 8), k1);
    }
    if (n > 64) {
        a = mix64(a ^ load64(p + n - 16), k2);
        b = mix64(b ^ load64(p + n - 8), k3);
    } else {
        if (head - i >= 8) { a = mix64(a ^ load64(p + i), k2); i += 8; }
        if (i < head) {
            // The last 1-7 bytes: read as the final 8 bytes of the text when it is that long, else byte by byte.
            uint64_t tail = 0;
            if (n >= 8) tail = load64(p + n - 8);
            else for (size_t j = 0; j < n; j++) tail |= (uint64_t)p[j] << (8 * j);
            b = mix64(b ^ tail, k3);
        }
    }
    return mix64(a ^ k2, b ^ k1);
}

int s3h_quoted_string(const uint8_t *p, size_t n, size_t i, size_t *start, size_t *end, unsigned *flags) {
    while (i < n && is_space(p[i])) i++;
    if (i >= n) { *end = i; return S3H_END; }
    if (p[i] != '"') { *end = i; return S3H_UNEXPECTED; }
    *start = i + 1;
    *flags = 0;
    return s3h_scan_string(p, n, i + 1, end, flags);
}

uint64_t s3h_fnv1a(const uint8_t *p, size_t n, uint64_t h) {
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 0x100000001b3ULL;
    return h;
}
