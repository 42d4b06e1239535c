// libcurl for S3Hound's HTTP transport. curl_easy_setopt and curl_easy_getinfo are variadic, which Swift
// cannot call, so each argument type gets a typed wrapper; CURLMsg's union gets an accessor.
#include <curl/curl.h>

typedef size_t (*s3h_curl_data_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode s3h_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode s3h_curl_set_offset(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode s3h_curl_set_pointer(CURL *handle, CURLoption option, const void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode s3h_curl_set_callback(CURL *handle, CURLoption option, s3h_curl_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

static inline long s3h_curl_response_code(CURL *handle) {
    long code = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code);
    return code;
}

/// The next finished transfer of a multi handle: returns 1 and fills `handle` and `result`, or 0 when none.
static inline int s3h_curl_next_done(CURLM *multi, CURL **handle, CURLcode *result) {
    int queued = 0;
    CURLMsg *message;
    while ((message = curl_multi_info_read(multi, &queued)) != NULL) {
        if (message->msg == CURLMSG_DONE) {
            *handle = message->easy_handle;
            *result = message->data.result;
            return 1;
        }
    }
    return 0;
}
