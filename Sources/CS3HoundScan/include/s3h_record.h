#ifndef S3H_RECORD_H
#define S3H_RECORD_H

#include <stddef.h>
#include <stdint.h>

/// Objects whose members the CloudTrail reader looks up by name.
enum {
    S3H_CONTEXT_RECORD = 0,
    S3H_CONTEXT_IDENTITY = 1,
    S3H_CONTEXT_SESSION = 2,
    S3H_CONTEXT_ISSUER = 3,
    S3H_CONTEXT_REQUEST = 4,
    S3H_CONTEXT_ADDITIONAL = 5,
    S3H_CONTEXT_RESOURCE = 6,
};

/// The members the CloudTrail reader keeps, numbered for `s3h_key_field` and the slots of `s3h_read_record`.
/// One list for the record and its nested objects (userIdentity, sessionContext, sessionIssuer,
/// requestParameters, additionalEventData); a resource's members have their own numbers.
enum {
    S3H_EVENT_TIME = 0,
    S3H_EVENT_NAME,
    S3H_EVENT_SOURCE,
    S3H_EVENT_ID,
    S3H_EVENT_CATEGORY,
    S3H_AWS_REGION,
    S3H_SOURCE_IP,
    S3H_USER_AGENT,
    S3H_ERROR_CODE,
    S3H_ERROR_MESSAGE,
    S3H_RECIPIENT_ACCOUNT,
    S3H_READ_ONLY,
    S3H_VPC_ENDPOINT,
    S3H_USER_IDENTITY,
    S3H_REQUEST_PARAMETERS,
    S3H_ADDITIONAL_DATA,
    S3H_RESOURCES,
    S3H_DETAIL,
    S3H_RECORDS,
    S3H_IDENTITY_TYPE,
    S3H_IDENTITY_ARN,
    S3H_IDENTITY_ACCOUNT,
    S3H_IDENTITY_ACCESS_KEY,
    S3H_IDENTITY_PRINCIPAL,
    S3H_IDENTITY_INVOKED_BY,
    S3H_SESSION_CONTEXT,
    S3H_EC2_ROLE_DELIVERY,
    S3H_SESSION_ISSUER,
    S3H_ISSUER_ARN,
    S3H_BUCKET_NAME,
    S3H_OBJECT_KEY,
    S3H_HOST,
    S3H_COPY_SOURCE,
    S3H_KMS_KEY_ID,
    S3H_CUSTOMER_ALGORITHM,
    S3H_BYTES_OUT,
    S3H_BYTES_IN,
    S3H_AUTH_METHOD,
    S3H_SSE_APPLIED,
    S3H_FIELD_COUNT,
};

/// A resource's members (`resources[]`): slots `3 * n + S3H_RESOURCE_…` of the n-th resource.
enum {
    S3H_RESOURCE_TYPE = 0,
    S3H_RESOURCE_ARN = 1,
    S3H_RESOURCE_ACCOUNT = 2,
    S3H_RESOURCE_FIELDS = 3,
};

/// Resources a record may list before `s3h_read_record` leaves it to the caller (CloudTrail lists one to three).
#define S3H_MAX_RESOURCES 8

/// The kinds of a kept member's value; S3H_KIND_NONE: the member is absent.
enum {
    S3H_KIND_NONE = 0,
    S3H_KIND_STRING,
    S3H_KIND_NUMBER,
    S3H_KIND_TRUE,
    S3H_KIND_FALSE,
    S3H_KIND_NULL,
    S3H_KIND_OBJECT,
    S3H_KIND_ARRAY,
};

/// Where a kept member's value is: bytes [start, end) of the record, quotes included for a string.
typedef struct {
    uint32_t start;
    uint32_t end;
    uint8_t kind;
    /// A string holding a backslash escape.
    uint8_t escaped;
} s3h_slot;

/// Returned by s3h_read_record for a well-formed record it leaves to the caller's own reader: a member it keeps
/// has a value of a kind it does not decide on (an object where text belongs, a non-object `userIdentity`), a key
/// holds an escape, or the record lists more than S3H_MAX_RESOURCES resources.
#define S3H_DECLINED 9

/// The number of the member `key` (raw bytes, no escapes) of an object of `context`, or -1 when the reader skips it.
int s3h_key_field(int context, const uint8_t *key, size_t n);

/// 1 when s3h_key_field finds every name of its tables under its own number (its index by length is whole); for tests.
int s3h_key_field_lengths_agree(void);

/// Reads the JSON object at the start of p[0..<n] (white space first allowed) in one pass, checking all of it
/// against JSON's grammar (strings as s3h_string_scan, nesting under 512 as the Swift scanner counts it) and
/// noting where each kept member's value is: `fields` (S3H_FIELD_COUNT slots) and `resources`
/// (S3H_RESOURCE_FIELDS * S3H_MAX_RESOURCES slots, `*resource_count` used). A member met twice keeps its last
/// value; the members of objects met twice (two `userIdentity`) add up as the Swift reader's do.
/// `requestParameters`, `detail` and `Records` slots span the whole object or array; `Host` may be an array.
/// Returns S3H_OK with `*end` just past the object; S3H_DECLINED; or a scanning error (see s3h_scan.h).
int s3h_read_record(const uint8_t *p, size_t n, s3h_slot *fields, s3h_slot *resources, uint32_t *resource_count, size_t *end);

#endif
