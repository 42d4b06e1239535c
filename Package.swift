// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "S3Hound",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "s3hound", targets: ["s3hound"]),
        .library(name: "S3HoundKit", targets: ["S3HoundHunt"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        // System zlib, used for streaming gzip in and out.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        // System libdeflate: whole-file gzip decompression, about three times zlib's speed.
        .systemLibrary(name: "CLibDeflate", path: "Sources/CLibDeflate", providers: [.apt(["libdeflate-dev"])]),
        // System libcurl: the HTTP transport to AWS (one event-loop thread for every request).
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // The innermost JSON scanning loops in C (SSE2 where available).
        .target(name: "CS3HoundScan", path: "Sources/CS3HoundScan"),
        .target(name: "S3HoundCore"),
        .target(name: "S3HoundSources", dependencies: ["S3HoundCore", "CZlib", "CLibDeflate", "CS3HoundScan"]),
        .target(name: "S3HoundDetections", dependencies: ["S3HoundCore", "CS3HoundScan"]),
        .target(name: "S3HoundReport", dependencies: ["S3HoundCore"]),
        .target(name: "S3HoundBaseline", dependencies: ["S3HoundCore", "S3HoundSources", "S3HoundDetections", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "S3HoundSimulator", dependencies: ["S3HoundCore", "S3HoundSources"]),
        .target(name: "S3HoundAWS", dependencies: ["S3HoundCore", "CCurl", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "S3HoundResponse", dependencies: ["S3HoundCore", "S3HoundAWS"]),
        .target(name: "S3HoundHunt", dependencies: ["S3HoundCore", "S3HoundSources", "S3HoundDetections", "S3HoundReport", "S3HoundBaseline", "S3HoundAWS"]),
        .executableTarget(name: "s3hound", dependencies: [
            "S3HoundHunt", "S3HoundSimulator", "S3HoundResponse",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // A real moto_server for the suites that talk to AWS APIs (shared, so it is written once).
        .target(name: "S3HoundTestSupport", dependencies: ["S3HoundAWS"], path: "Tests/S3HoundTestSupport"),
        .testTarget(name: "S3HoundCoreTests", dependencies: ["S3HoundCore"]),
        .testTarget(name: "S3HoundSourcesTests", dependencies: ["S3HoundSources"]),
        .testTarget(name: "S3HoundDetectionsTests", dependencies: ["S3HoundDetections"]),
        .testTarget(name: "S3HoundReportTests", dependencies: ["S3HoundReport"]),
        .testTarget(name: "S3HoundAWSTests", dependencies: ["S3HoundAWS", "S3HoundTestSupport", "S3HoundHunt"]),
        .testTarget(name: "S3HoundBaselineTests", dependencies: ["S3HoundBaseline", "S3HoundDetections"]),
        .testTarget(name: "S3HoundSimulatorTests", dependencies: ["S3HoundSimulator", "S3HoundSources"]),
        .testTarget(name: "S3HoundResponseTests", dependencies: ["S3HoundResponse", "S3HoundAWS", "S3HoundTestSupport"]),
        .testTarget(name: "S3HoundHuntTests", dependencies: ["S3HoundHunt", "S3HoundSimulator"]),
    ]
)
