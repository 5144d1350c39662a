// The JobFeed library: one import for the public API of every layer.
@_exported import JobFeedCore
@_exported import JobFeedPublishing
@_exported import JobFeedReading
@_exported import JobFeedRendering
@_exported import JobFeedWatching
