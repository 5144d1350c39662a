// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "jobfeed",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "jobfeed", targets: ["jobfeed"]),
        .library(name: "JobFeed", targets: ["JobFeed"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "JobFeed",
            dependencies: ["CLibXML2", "CCmarkGFM", "Yams"]
        ),
        .target(
            name: "JobFeedCLI",
            dependencies: [
                "JobFeed",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "jobfeed", dependencies: ["JobFeedCLI"]),
        .testTarget(
            name: "JobFeedTests",
            dependencies: ["JobFeed", "JobFeedCLI"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
