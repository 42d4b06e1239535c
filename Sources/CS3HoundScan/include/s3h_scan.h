#ifndef S3H_SCAN_H
#define S3H_SCAN_H

#include <stddef.h>
#include <stdint.h>

/// Outcomes of the scanning functions.
enum {
    S3H_OK = 0,
    /// The text ended inside the value.
    S3H_END = 1,
    /// A byte that cannot start or continue the value here.
    S3H_UNEXPECTED = 2,
    /// A raw control character (below 0x20) inside a string.
    S3H_CONTROL = 3,
    /// A backslash not followed by a JSON escape.
    S3H_ESCAPE = 4,
    /// A number that breaks JSON's grammar (leading zero, lone '-', '1.', '1e').
    S3H_NUMBER = 5,
    /// A word that is not true, false or null.
    S3H_LITERAL = 6,
    /// Objects and arrays nested deeper than allowed.
    S3H_DEPTH = 7,
    /// Bytes inside a string that are not UTF-8.
    S3H_UTF8 = 8,
};

/// Bit set in `*flags` by s3h_string_scan when the string holds an escape.
#define S3H_STRING_ESCAPED 1u

/// Scans a JSON string whose contents start at `start` (just after the opening quote).
/// On S3H_OK, `*end` is the index of the closing quote; otherwise `*end` is where the problem is.
/// Escapes are checked (`\uXXXX` needs four hex digits); raw control characters and bytes that are
/// not UTF-8 (overlong forms, surrogates, beyond U+10FFFF, cut sequences) are refused.
int s3h_string_scan(const uint8_t *p, size_t n, size_t start, size_t *end, unsigned *flags);

/// Skips one complete JSON value starting at `start` (leading white space allowed), checking it
/// against JSON's grammar without building anything. On S3H_OK, `*end` is the index just after the
/// value; otherwise `*end` is where the problem is. Nesting deeper than `max_depth` is refused.
int s3h_skip_value(const uint8_t *p, size_t n, size_t start, size_t max_depth, size_t *end);

/// Skips white space from `i`, then scans the JSON string that must start there. On S3H_OK, `*start` is the
/// index of its first byte (after the quote) and `*end` the index of its closing quote; otherwise `*end` is
/// where the problem is: S3H_END when the text ends before a quote, S3H_UNEXPECTED when something else
/// stands there, or what `s3h_string_scan` says of the string.
int s3h_quoted_string(const uint8_t *p, size_t n, size_t i, size_t *start, size_t *end, unsigned *flags);

/// FNV-1a (64-bit) of p[0..<n], continuing from `h` (start with 0xcbf29ce484222325).
uint64_t s3h_fnv1a(const uint8_t *p, size_t n, uint64_t h);

/// Index of the first byte equal to `byte` in p[start..<n], or n.
size_t s3h_find_byte(const uint8_t *p, size_t n, size_t start, uint8_t byte);

/// A 64-bit hash of p[0..<n] (its first 64 and last 16 bytes, and its length) under `seed` (not cryptographic:
/// for tables keyed by texts, which compare on a match; a random
/// seed per process keeps crafted inputs from choosing their collisions).
uint64_t s3h_hash_bytes(const uint8_t *p, size_t n, uint64_t seed);

#endif
