import Testing
@testable import JobFeed
