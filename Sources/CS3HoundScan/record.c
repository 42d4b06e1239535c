// One pass over a CloudTrail record: checks all of it against JSON's grammar and notes where the values of the
// members detections use are, so the Swift side only turns those into strings and numbers.
#include "s3h_record.h"
#include "s3h_scan.h"
#include "scan_internal.h"
#include <string.h>

typedef struct {
    const char *name;
    uint8_t length;
    int8_t field;
} key_entry;

#define KEY(text, id) { text, sizeof(text) - 1, id }

static const key_entry record_keys[] = {
    KEY("eventTime", S3H_EVENT_TIME), KEY("eventName", S3H_EVENT_NAME), KEY("eventSource", S3H_EVENT_SOURCE),
    KEY("eventID", S3H_EVENT_ID), KEY("eventCategory", S3H_EVENT_CATEGORY), KEY("awsRegion", S3H_AWS_REGION),
    KEY("sourceIPAddress", S3H_SOURCE_IP), KEY("userAgent", S3H_USER_AGENT), KEY("errorCode", S3H_ERROR_CODE),
    KEY("errorMessage", S3H_ERROR_MESSAGE), KEY("recipientAccountId", S3H_RECIPIENT_ACCOUNT),
    KEY("readOnly", S3H_READ_ONLY), KEY("vpcEndpointId", S3H_VPC_ENDPOINT), KEY("userIdentity", S3H_USER_IDENTITY),
    KEY("requestParameters", S3H_REQUEST_PARAMETERS), KEY("additionalEventData", S3H_ADDITIONAL_DATA),
    KEY("resources", S3H_RESOURCES), KEY("detail", S3H_DETAIL), KEY("Records", S3H_RECORDS),
};
static const key_entry identity_keys[] = {
    KEY("type", S3H_IDENTITY_TYPE), KEY("arn", S3H_IDENTITY_ARN), KEY("accountId", S3H_IDENTITY_ACCOUNT),
    KEY("accessKeyId", S3H_IDENTITY_ACCESS_KEY), KEY("principalId", S3H_IDENTITY_PRINCIPAL),
    KEY("invokedBy", S3H_IDENTITY_INVOKED_BY), KEY("sessionContext", S3H_SESSION_CONTEXT),
};
static const key_entry session_keys[] = {
    KEY("ec2RoleDelivery", S3H_EC2_ROLE_DELIVERY), KEY("sessionIssuer", S3H_SESSION_ISSUER),
};
static const key_entry issuer_keys[] = { KEY("arn", S3H_ISSUER_ARN) };
static const key_entry request_keys[] = {
    KEY("bucketName", S3H_BUCKET_NAME), KEY("key", S3H_OBJECT_KEY), KEY("Host", S3H_HOST), KEY("host", S3H_HOST),
    KEY("x-amz-copy-source", S3H_COPY_SOURCE), KEY("x-amz-server-side-encryption-aws-kms-key-id", S3H_KMS_KEY_ID),
    KEY("x-amz-server-side-encryption-customer-algorithm", S3H_CUSTOMER_ALGORITHM),
};
static const key_entry additional_keys[] = {
    KEY("bytesTransferredOut", S3H_BYTES_OUT), KEY("bytesTransferredIn", S3H_BYTES_IN),
    KEY("AuthenticationMethod", S3H_AUTH_METHOD), KEY("SSEApplied", S3H_SSE_APPLIED),
};
static const key_entry resource_keys[] = {
    KEY("type", S3H_RESOURCE_TYPE), KEY("ARN", S3H_RESOURCE_ARN), KEY("arn", S3H_RESOURCE_ARN),
    KEY("accountId", S3H_RESOURCE_ACCOUNT),
};

typedef struct { const key_entry *keys; size_t count; } key_table;
#define TABLE(keys) { keys, sizeof(keys) / sizeof(keys[0]) }
static const key_table tables[] = {
    TABLE(record_keys), TABLE(identity_keys), TABLE(session_keys), TABLE(issuer_keys),
    TABLE(request_keys), TABLE(additional_keys), TABLE(resource_keys),
};

static inline uint64_t load64(const void *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static inline uint32_t load32(const void *p) { uint32_t v; memcpy(&v, p, 4); return v; }

/// Whether the n bytes at `a` are `b` (a key's raw bytes against a name): eight bytes at a time.
static inline int same(const uint8_t *a, const char *b, size_t n) {
    if (n >= 8) {
        for (size_t i = 0; i + 8 < n; i += 8) if (load64(a + i) != load64(b + i)) return 0;
        return load64(a + n - 8) == load64(b + n - 8);
    }
    if (n >= 4) return load32(a) == load32(b) && load32(a + n - 4) == load32(b + n - 4);
    for (size_t i = 0; i < n; i++) if (a[i] != (uint8_t)b[i]) return 0;
    return 1;
}

/// For each table and key length (under 64), where its names of that length start and how many there are, in
/// `by_length`: the table's entries ordered by length. Built once when the library loads.
#define CONTEXTS (S3H_CONTEXT_RESOURCE + 1)
#define MAXIMUM_KEY 64
static uint8_t first_of_length[CONTEXTS][MAXIMUM_KEY];
static uint8_t count_of_length[CONTEXTS][MAXIMUM_KEY];
static const key_entry *by_length[CONTEXTS][32];

__attribute__((constructor)) static void index_keys(void) {
    for (int context = 0; context < CONTEXTS; context++) {
        const key_table table = tables[context];
        uint8_t next = 0;
        for (size_t length = 0; length < MAXIMUM_KEY; length++) {
            first_of_length[context][length] = next;
            for (size_t k = 0; k < table.count && next < 32; k++) {
                if (table.keys[k].length == length) by_length[context][next++] = &table.keys[k];
            }
            count_of_length[context][length] = (uint8_t)(next - first_of_length[context][length]);
        }
    }
}

int s3h_key_field(int context, const uint8_t *key, size_t n) {
    if (context < 0 || context >= CONTEXTS || n >= MAXIMUM_KEY) return -1;
    const key_entry *const *entries = by_length[context] + first_of_length[context][n];
    for (uint8_t k = 0, count = count_of_length[context][n]; k < count; k++) {
        if (same(key, entries[k]->name, n)) return entries[k]->field;
    }
    return -1;
}

int s3h_key_field_lengths_agree(void) {
    for (int context = 0; context <= S3H_CONTEXT_RESOURCE; context++) {
        const key_table table = tables[context];
        for (size_t k = 0; k < table.count; k++) {
            if (s3h_key_field(context, (const uint8_t *)table.keys[k].name, table.keys[k].length) != table.keys[k].field) return 0;
        }
    }
    return 1;
}

/// Nesting the Swift scanner allows, counted from the record's top (JSONScanner.maximumDepth).
#define MAXIMUM_DEPTH 512

typedef struct {
    const uint8_t *p;
    size_t n;
    size_t i;
    s3h_slot *fields;
    s3h_slot *resources;
    uint32_t resource_count;
} reader;

static inline int is_space(uint8_t b) { return b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09; }

/// Moves past white space; compact JSON has none, which one comparison tells.
static inline void skip_space(reader *r) {
    if (r->i < r->n && r->p[r->i] > 0x20) return;
    while (r->i < r->n && is_space(r->p[r->i])) r->i++;
}

/// Skips the value at r->i with `depth` containers open around it.
static int skip(reader *r, size_t depth) {
    size_t end = 0;
    int status = s3h_skip_value(r->p, r->n, r->i, depth < MAXIMUM_DEPTH ? MAXIMUM_DEPTH - depth : 0, &end);
    r->i = end;
    return status;
}

/// Notes where a kept member's value lies.
static inline void set_slot(s3h_slot *slot, size_t start, size_t end, uint8_t kind, unsigned escaped) {
    slot->start = (uint32_t)start;
    slot->end = (uint32_t)end;
    slot->kind = kind;
    slot->escaped = (uint8_t)(escaped & S3H_STRING_ESCAPED);
}

/// Reads a value kept as text or number into `slot`; an object or array there is left to the caller.
static int read_scalar(reader *r, s3h_slot *slot) {
    size_t start = r->i;
    int status;
    uint8_t kind;
    unsigned escaped = 0;
    switch (r->p[start]) {
    case '"': {
        size_t close = 0;
        status = s3h_scan_string(r->p, r->n, start + 1, &close, &escaped);
        if (status != S3H_OK) { r->i = close; return status; }
        r->i = close + 1;
        kind = S3H_KIND_STRING;
        break;
    }
    case 't': case 'f': case 'n':
        kind = r->p[start] == 't' ? S3H_KIND_TRUE : r->p[start] == 'f' ? S3H_KIND_FALSE : S3H_KIND_NULL;
        status = s3h_skip_literal(r->p, r->n, &r->i);
        if (status != S3H_OK) return status;
        break;
    case '-': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
        kind = S3H_KIND_NUMBER;
        status = s3h_skip_number(r->p, r->n, &r->i);
        if (status != S3H_OK) return status;
        break;
    case '{': case '[':
        return S3H_DECLINED;
    default:
        return S3H_UNEXPECTED;
    }
    set_slot(slot, start, r->i, kind, escaped);
    return S3H_OK;
}

/// Skips the value at r->i, noting its span in `slot` (for requestParameters, detail, Records, a Host array).
static int span(reader *r, s3h_slot *slot, uint8_t kind, size_t depth) {
    size_t start = r->i;
    int status = skip(r, depth);
    if (status != S3H_OK) return status;
    set_slot(slot, start, r->i, kind, 0);
    return S3H_OK;
}

static int read_object(reader *r, int context, s3h_slot *slots, size_t depth);

static int read_resources(reader *r, size_t depth) {
    // At '['; `depth` counts the array.
    r->i++;
    skip_space(r);
    if (r->i >= r->n) return S3H_END;
    if (r->p[r->i] == ']') { r->i++; return S3H_OK; }
    for (;;) {
        int status;
        if (r->p[r->i] == '{') {
            if (r->resource_count >= S3H_MAX_RESOURCES) return S3H_DECLINED;
            s3h_slot *slots = r->resources + S3H_RESOURCE_FIELDS * r->resource_count;
            memset(slots, 0, sizeof(s3h_slot) * S3H_RESOURCE_FIELDS);
            status = read_object(r, S3H_CONTEXT_RESOURCE, slots, depth + 1);
            r->resource_count++;
        } else {
            status = skip(r, depth);
        }
        if (status != S3H_OK) return status;
        skip_space(r);
        if (r->i >= r->n) return S3H_END;
        if (r->p[r->i] == ',') {
            r->i++;
            skip_space(r);
            if (r->i >= r->n) return S3H_END;
            continue;
        }
        if (r->p[r->i] == ']') { r->i++; return S3H_OK; }
        return S3H_UNEXPECTED;
    }
}

/// Reads the value of member `field` (-1: not kept) at r->i, which is not white space; `depth` counts the
/// containers open around it.
static int read_member(reader *r, int field, s3h_slot *slots, size_t depth) {
    uint8_t first = r->p[r->i];
    switch (field) {
    case -1:
        return skip(r, depth);
    case S3H_USER_IDENTITY:
        if (first == '{') return read_object(r, S3H_CONTEXT_IDENTITY, r->fields, depth + 1);
        if (first == 'n') return s3h_skip_literal(r->p, r->n, &r->i);
        return S3H_DECLINED;
    case S3H_SESSION_CONTEXT:
        return first == '{' ? read_object(r, S3H_CONTEXT_SESSION, r->fields, depth + 1) : skip(r, depth);
    case S3H_SESSION_ISSUER:
        return first == '{' ? read_object(r, S3H_CONTEXT_ISSUER, r->fields, depth + 1) : skip(r, depth);
    case S3H_ADDITIONAL_DATA:
        return first == '{' ? read_object(r, S3H_CONTEXT_ADDITIONAL, r->fields, depth + 1) : skip(r, depth);
    case S3H_REQUEST_PARAMETERS: {
        if (first != '{') return skip(r, depth);
        size_t start = r->i;
        int status = read_object(r, S3H_CONTEXT_REQUEST, r->fields, depth + 1);
        if (status != S3H_OK) return status;
        set_slot(&r->fields[S3H_REQUEST_PARAMETERS], start, r->i, S3H_KIND_OBJECT, 0);
        return S3H_OK;
    }
    case S3H_RESOURCES:
        if (first == '[') return read_resources(r, depth + 1);
        if (first == 'n') return s3h_skip_literal(r->p, r->n, &r->i);
        return S3H_DECLINED;
    case S3H_DETAIL:
        return first == '{' ? span(r, &slots[field], S3H_KIND_OBJECT, depth) : skip(r, depth);
    case S3H_RECORDS:
        return first == '[' ? span(r, &slots[field], S3H_KIND_ARRAY, depth) : skip(r, depth);
    case S3H_HOST:
        if (first == '[') return span(r, &slots[field], S3H_KIND_ARRAY, depth);
        return read_scalar(r, &slots[field]);
    default:
        return read_scalar(r, &slots[field]);
    }
}

/// Members whose values are objects or arrays the reader looks into or spans (numbers of the record's own list).
static const uint64_t containers = (1ull << S3H_USER_IDENTITY) | (1ull << S3H_REQUEST_PARAMETERS) | (1ull << S3H_ADDITIONAL_DATA)
    | (1ull << S3H_RESOURCES) | (1ull << S3H_DETAIL) | (1ull << S3H_RECORDS) | (1ull << S3H_SESSION_CONTEXT) | (1ull << S3H_SESSION_ISSUER);

/// Reads the object at r->i (white space first allowed) whose members are numbered by `context`, into `slots`;
/// `depth` counts the object itself. The position lives in a local while members are read here (string values,
/// kept or not, are read inline: most members are), and goes back to r->i around the calls that need it.
static int read_object(reader *r, int context, s3h_slot *slots, size_t depth) {
    const uint8_t *const p = r->p;
    const size_t n = r->n;
    size_t i = r->i;
    const uint64_t opens = context == S3H_CONTEXT_RESOURCE ? 0 : containers;
#define SPACE() do { if (i < n && p[i] <= 0x20) { while (i < n && is_space(p[i])) i++; } } while (0)
#define FAIL(code) do { r->i = i; return (code); } while (0)
    SPACE();
    if (i >= n) FAIL(S3H_END);
    if (p[i] != '{') FAIL(S3H_UNEXPECTED);
    i++;
    SPACE();
    if (i >= n) FAIL(S3H_END);
    if (p[i] == '}') { r->i = i + 1; return S3H_OK; }
    for (;;) {
        if (p[i] != '"') FAIL(S3H_UNEXPECTED);
        size_t close = 0;
        unsigned flags = 0;
        int status = s3h_scan_string(p, n, i + 1, &close, &flags);
        if (status != S3H_OK) { r->i = close; return status; }
        if (flags & S3H_STRING_ESCAPED) FAIL(S3H_DECLINED);
        int field = s3h_key_field(context, p + i + 1, close - i - 1);
        i = close + 1;
        SPACE();
        if (i >= n) FAIL(S3H_END);
        if (p[i] != ':') FAIL(S3H_UNEXPECTED);
        i++;
        SPACE();
        if (i >= n) FAIL(S3H_END);
        if (p[i] == '"' && (field < 0 || !((opens >> field) & 1))) {
            unsigned escaped = 0;
            status = s3h_scan_string(p, n, i + 1, &close, &escaped);
            if (status != S3H_OK) { r->i = close; return status; }
            if (field >= 0) set_slot(&slots[field], i, close + 1, S3H_KIND_STRING, escaped);
            i = close + 1;
        } else {
            r->i = i;
            status = read_member(r, field, slots, depth);
            if (status != S3H_OK) return status;
            i = r->i;
        }
        SPACE();
        if (i >= n) FAIL(S3H_END);
        if (p[i] == ',') {
            i++;
            SPACE();
            if (i >= n) FAIL(S3H_END);
            continue;
        }
        if (p[i] == '}') { r->i = i + 1; return S3H_OK; }
        FAIL(S3H_UNEXPECTED);
    }
#undef SPACE
#undef FAIL
}

int s3h_read_record(const uint8_t *p, size_t n, s3h_slot *fields, s3h_slot *resources, uint32_t *resource_count, size_t *end) {
    *resource_count = 0;
    *end = 0;
    if (n > UINT32_MAX) return S3H_DECLINED;
    memset(fields, 0, sizeof(s3h_slot) * S3H_FIELD_COUNT);
    reader r = { p, n, 0, fields, resources, 0 };
    int status = read_object(&r, S3H_CONTEXT_RECORD, fields, 1);
    *resource_count = r.resource_count;
    *end = r.i;
    return status;
}
