// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "newsq",
    products: [
        .executable(name: "newsq", targets: ["newsq"]),
        .library(name: "NewsQuery", targets: ["NewsQuery"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-atomics", from: "1.2.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // SQLite with FTS5: the reference engine of the differential test (tests only).
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "NewsQuery",
            dependencies: [
                .product(name: "Collections", package: "swift-collections"),
                .product(name: "Atomics", package: "swift-atomics"),
            ],
            resources: [.copy("Resources/sample"), .copy("Resources/ner"), .copy("Resources/lessons")]
        ),
        .executableTarget(
            name: "newsq",
            dependencies: [
                "NewsQuery",
                "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Scoring quotes and entities against the hand annotation in eval/ (make eval).
        .target(
            name: "NewsEval",
            dependencies: ["NewsQuery"]
        ),
        .executableTarget(
            name: "newsq-eval",
            dependencies: ["NewsEval"]
        ),
        // Trains the name tagger from silver labels (Resources/ner/model.bin).
        .executableTarget(
            name: "newsq-train",
            dependencies: ["NewsQuery"]
        ),
        .executableTarget(
            name: "newsq-bench",
            dependencies: ["NewsQuery"]
        ),
        // libFuzzer targets (scripts/fuzz.sh); built plainly, a tool that replays inputs.
        .executableTarget(
            name: "newsq-fuzz",
            dependencies: ["NewsQuery"],
            path: "Fuzz"
        ),
        .testTarget(
            name: "NewsQueryTests",
            dependencies: ["NewsQuery", "NewsEval", "CSQLite"]
        ),
    ]
)
