// libcurl, loaded with dlopen the first time a WebSub hub is told of a change: linked (as
// FoundationNetworking links it), it and the libraries behind it were loaded by every jobfeed
// process, 3.6 ms of each start here, and a machine without libcurl could not run jobfeed at
// all. Its calls are declared here with the values curl/curl.h gives them (fixed by libcurl's
// ABI), so that building needs no libcurl headers.
#include <dlfcn.h>
#include <stddef.h>
#include <stdio.h>

#define JOBFEED_CURLOPT_TIMEOUT_MS 155
#define JOBFEED_CURLOPT_NOSIGNAL 99
#define JOBFEED_CURLOPT_FOLLOWLOCATION 52
#define JOBFEED_CURLOPT_MAXREDIRS 68
#define JOBFEED_CURLOPT_URL 10002
#define JOBFEED_CURLOPT_ERRORBUFFER 10010
#define JOBFEED_CURLOPT_POSTFIELDS 10015
#define JOBFEED_CURLOPT_HTTPHEADER 10023
#define JOBFEED_CURLOPT_PROTOCOLS_STR 10318
#define JOBFEED_CURLOPT_WRITEFUNCTION 20011
#define JOBFEED_CURLINFO_RESPONSE_CODE 0x200002
#define JOBFEED_CURL_ERROR_SIZE 256

static inline size_t jobfeed_curl_discard(char *data, size_t size, size_t count, void *context) {
    (void)data; (void)context;
    return size * count;
}

/// POSTs `body` (already form-encoded) to `url`. Returns 0 with the HTTP status in `*status`,
/// else -1 with why in `reason` (at least JOBFEED_CURL_ERROR_SIZE bytes).
static inline int jobfeed_post_form(const char *url, const char *body, long timeout_ms, long *status, char *reason) {
    reason[0] = 0;
    // Loaded once and never closed: libcurl's TLS library may have registered exit handlers.
    static void *library = NULL;
    if (!library) library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        snprintf(reason, JOBFEED_CURL_ERROR_SIZE, "libcurl (the libcurl4 package) is not installed");
        return -1;
    }
    void *(*easy_init)(void) = (void *(*)(void))dlsym(library, "curl_easy_init");
    int (*easy_setopt)(void *, int, ...) = (int (*)(void *, int, ...))dlsym(library, "curl_easy_setopt");
    int (*easy_perform)(void *) = (int (*)(void *))dlsym(library, "curl_easy_perform");
    int (*easy_getinfo)(void *, int, ...) = (int (*)(void *, int, ...))dlsym(library, "curl_easy_getinfo");
    void (*easy_cleanup)(void *) = (void (*)(void *))dlsym(library, "curl_easy_cleanup");
    const char *(*easy_strerror)(int) = (const char *(*)(int))dlsym(library, "curl_easy_strerror");
    void *(*slist_append)(void *, const char *) = (void *(*)(void *, const char *))dlsym(library, "curl_slist_append");
    void (*slist_free_all)(void *) = (void (*)(void *))dlsym(library, "curl_slist_free_all");
    void *curl = NULL;
    if (!easy_init || !easy_setopt || !easy_perform || !easy_getinfo || !easy_cleanup || !easy_strerror || !slist_append
        || !slist_free_all || !(curl = easy_init())) {
        snprintf(reason, JOBFEED_CURL_ERROR_SIZE, "libcurl could not be set up");
        return -1;
    }
    void *headers = slist_append(NULL, "Content-Type: application/x-www-form-urlencoded");
    easy_setopt(curl, JOBFEED_CURLOPT_URL, url);
    easy_setopt(curl, JOBFEED_CURLOPT_POSTFIELDS, body);
    easy_setopt(curl, JOBFEED_CURLOPT_HTTPHEADER, headers);
    easy_setopt(curl, JOBFEED_CURLOPT_TIMEOUT_MS, timeout_ms);
    easy_setopt(curl, JOBFEED_CURLOPT_NOSIGNAL, 1L);
    easy_setopt(curl, JOBFEED_CURLOPT_FOLLOWLOCATION, 1L);
    easy_setopt(curl, JOBFEED_CURLOPT_MAXREDIRS, 5L);
    easy_setopt(curl, JOBFEED_CURLOPT_PROTOCOLS_STR, "http,https");
    easy_setopt(curl, JOBFEED_CURLOPT_WRITEFUNCTION, jobfeed_curl_discard);
    easy_setopt(curl, JOBFEED_CURLOPT_ERRORBUFFER, reason);
    int code = easy_perform(curl);
    if (code == 0) {
        easy_getinfo(curl, JOBFEED_CURLINFO_RESPONSE_CODE, status);
    } else if (reason[0] == 0) {
        snprintf(reason, JOBFEED_CURL_ERROR_SIZE, "%s", easy_strerror(code));
    }
    easy_cleanup(curl);
    slist_free_all(headers);
    return code == 0 ? 0 : -1;
}
