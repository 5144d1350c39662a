// swift-tools-version: 6.0
import PackageDescription

/// The layers every target above them reaches through `JobFeed`'s re-exports, named as direct
/// dependencies too: SwiftPM recompiles a target when a direct dependency's module changes,
/// and `JobFeed`'s own module does not change when a layer's does. Without them, an
/// incremental release build after a change to a layer's types (a stored property added to
/// `Config`) linked the command-line target compiled against the old layout, and the binary
/// crashed on its first build.
/// The same holds for a layer reached through another: each layer names every one below it.
let layers: [Target.Dependency] = ["JobFeedCore", "JobFeedSystem", "JobFeedReading", "JobFeedRendering", "JobFeedPublishing", "JobFeedWatching"]

let package = Package(
    name: "jobfeed",
    // Linux only (README): the watcher uses inotify, and CI builds and tests on Debian.
    products: [
        .executable(name: "jobfeed", targets: ["jobfeed"]),
        .library(name: "JobFeed", targets: ["JobFeed"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        // `make docs`: DocC for the library's public API.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // glibc's Linux extensions (malloc_trim, copy_file_range): part of libc, nothing to link.
        .systemLibrary(name: "CLinux"),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The layers, each depending only on those before it: values, the system calls,
        // reading, rendering, publishing, watching. One layer owns each C library.
        .target(name: "JobFeedCore"),
        .target(
            name: "JobFeedSystem",
            dependencies: ["JobFeedCore", "CLinux", .product(name: "SystemPackage", package: "swift-system")]
        ),
        .target(name: "JobFeedReading", dependencies: ["JobFeedCore", "JobFeedSystem", "Yams"]),
        .target(name: "JobFeedRendering", dependencies: ["JobFeedCore", "JobFeedSystem", "CLibXML2", "CCmarkGFM"]),
        .target(
            name: "JobFeedPublishing",
            dependencies: ["JobFeedCore", "JobFeedSystem", "JobFeedReading", "JobFeedRendering", "CZlib"]
        ),
        .target(
            name: "JobFeedWatching",
            dependencies: [
                "JobFeedCore", "JobFeedSystem", "JobFeedReading", "JobFeedRendering", "JobFeedPublishing",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The library's public face: every layer's public API under one name.
        .target(name: "JobFeed", dependencies: layers),
        .target(
            name: "JobFeedCLI",
            dependencies: ["JobFeed"] + layers + [
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(name: "jobfeed", dependencies: ["JobFeedCLI"]),
        .testTarget(
            name: "JobFeedTests",
            // JobFeedSystem, the one layer the library does not re-export, comes with the layers.
            dependencies: ["JobFeed", "JobFeedCLI"] + layers,
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer target is built only by `make fuzz`, which sets JOBFEED_FUZZ=1: it needs
// -sanitize=fuzzer and must stay out of the normal build.
// There, each of cmark's allocations is one of glibc's (`MarkdownArena`), so
// that AddressSanitizer sees cmark read or write past any of them.
if Context.environment["JOBFEED_FUZZ"] == "1" {
    package.targets.append(.executableTarget(name: "JobFeedFuzz", dependencies: ["JobFeed"] + layers))
    package.products.append(.executable(name: "JobFeedFuzz", targets: ["JobFeedFuzz"]))
    if let rendering = package.targets.first(where: { $0.name == "JobFeedRendering" }) {
        rendering.swiftSettings = (rendering.swiftSettings ?? []) + [.define("JOBFEED_FUZZ")]
    }
}
