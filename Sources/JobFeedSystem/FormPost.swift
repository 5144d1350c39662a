import Foundation
internal import CLinux

/// An HTTP POST of a form, through libcurl loaded on first use (see `CLinux/libcurl.h`): the
/// WebSub ping, the one request jobfeed makes.
package enum FormPost {
    /// The HTTP status the server answered with, or why there was no answer.
    package static func send(_ body: String, to url: String, timeout: TimeInterval) -> Result<Int, FormPostFailure> {
        var status = 0
        var reason = [CChar](repeating: 0, count: Int(JOBFEED_CURL_ERROR_SIZE))
        let sent = jobfeed_post_form(url, body, Int(timeout * 1000), &status, &reason)
        guard sent == 0 else {
            return .failure(FormPostFailure(reason: String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)))
        }
        return .success(status)
    }
}

package struct FormPostFailure: Error, Sendable {
    package let reason: String
}
