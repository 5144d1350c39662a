import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
import JobFeedCore
import JobFeedReading
#endif

/// Tells a WebSub hub that feeds changed (`hub.mode=publish`, `hub.url=<feed>`), so that
/// subscribers and aggregators learn of new jobs without polling. Each request has a timeout and
/// is tried a bounded number of times; a hub that cannot be reached is a warning, never a failed
/// build: the feeds are published either way.
package struct HubNotifier: Sendable {
    package let hub: URL
    package var timeout: TimeInterval = 10
    /// Pauses before the second and third tries.
    package var retryDelays: [TimeInterval] = [1, 4]

    /// Notifies the hub of each feed; a warning for each the hub did not accept.
    package func publish(_ feeds: [String]) -> [Diagnostic] {
        feeds.compactMap { feed in
            var failure = ""
            for attempt in 0...retryDelays.count {
                if attempt > 0 { Thread.sleep(forTimeInterval: retryDelays[attempt - 1]) }
                switch post(feed) {
                case .success: return nil
                case let .failure(error): failure = error.reason
                }
            }
            return .warning("the WebSub hub did not take the notice that \(feed) changed (\(failure), \(retryDelays.count + 1) tries); subscribers learn of it when they next poll",
                            at: SourceLocation(file: hub.absoluteString))
        }
    }

    private func post(_ feed: String) -> Result<Void, HubFailure> {
        var request = URLRequest(url: hub, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        var form = URLComponents()
        form.queryItems = [URLQueryItem(name: "hub.mode", value: "publish"), URLQueryItem(name: "hub.url", value: feed)]
        request.httpBody = Data((form.percentEncodedQuery ?? "").utf8)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<Void, HubFailure> = .failure(HubFailure("no answer"))
        URLSession.shared.dataTask(with: request) { _, response, error in
            if let error {
                outcome = .failure(HubFailure(error.localizedDescription))
            } else if let status = (response as? HTTPURLResponse)?.statusCode, !(200..<300).contains(status) {
                outcome = .failure(HubFailure("HTTP \(status)"))
            } else {
                outcome = .success(())
            }
            done.signal()
        }.resume()
        done.wait()
        return outcome
    }
}

package struct HubFailure: Error {
    package let reason: String
    package init(_ reason: String) { self.reason = reason }
}
