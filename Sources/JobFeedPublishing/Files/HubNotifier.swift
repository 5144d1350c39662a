import Foundation
import JobFeedCore
import JobFeedSystem

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
        var form = URLComponents()
        form.queryItems = [URLQueryItem(name: "hub.mode", value: "publish"), URLQueryItem(name: "hub.url", value: feed)]
        switch FormPost.send(form.percentEncodedQuery ?? "", to: hub.absoluteString, timeout: timeout) {
        case let .success(status) where (200..<300).contains(status): return .success(())
        case let .success(status): return .failure(HubFailure("HTTP \(status)"))
        case let .failure(failure): return .failure(HubFailure(failure.reason))
        }
    }
}

package struct HubFailure: Error {
    package let reason: String
    package init(_ reason: String) { self.reason = reason }
}
