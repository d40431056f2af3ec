// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "newsq",
    products: [
        .executable(name: "newsq", targets: ["newsq"]),
        .library(name: "NewsQuery", targets: ["NewsCore", "NewsStore", "NewsText", "NewsQuery", "NewsShell"]),
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
        // The layers, each a target so the compiler holds the direction
        // (ARCHITECTURE.md): core values and diagnostics <- store <- text
        // (news understanding) <- query engine <- shell <- the executable.
        .target(
            name: "NewsCore",
            dependencies: [
                .product(name: "Atomics", package: "swift-atomics"),
            ]
        ),
        .target(
            name: "NewsStore",
            dependencies: ["NewsCore"],
            resources: [.copy("Resources/sample")]
        ),
        .target(
            name: "NewsText",
            dependencies: ["NewsCore", "NewsStore"],
            resources: [.copy("Resources/ner")]
        ),
        .target(
            name: "NewsQuery",
            dependencies: [
                "NewsCore", "NewsStore", "NewsText",
                .product(name: "Collections", package: "swift-collections"),
                .product(name: "Atomics", package: "swift-atomics"),
            ]
        ),
        .target(
            name: "NewsShell",
            dependencies: ["NewsCore", "NewsStore", "NewsText", "NewsQuery"],
            resources: [.copy("Resources/lessons")]
        ),
        .executableTarget(
            name: "newsq",
            dependencies: [
                "NewsCore", "NewsStore", "NewsText", "NewsQuery", "NewsShell",
                "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Scoring quotes and entities against the hand annotation in eval/ (make eval).
        .target(
            name: "NewsEval",
            dependencies: ["NewsCore", "NewsStore", "NewsText"]
        ),
        .executableTarget(
            name: "newsq-eval",
            dependencies: ["NewsEval", "NewsStore"]
        ),
        // Trains the name tagger from silver labels (Resources/ner/model.bin).
        .executableTarget(
            name: "newsq-train",
            dependencies: ["NewsText"]
        ),
        .executableTarget(
            name: "newsq-bench",
            dependencies: ["NewsCore", "NewsStore", "NewsText", "NewsQuery", "NewsShell"]
        ),
        // libFuzzer targets (scripts/fuzz.sh); built plainly, a tool that replays inputs.
        .executableTarget(
            name: "newsq-fuzz",
            dependencies: ["NewsCore", "NewsStore", "NewsText", "NewsQuery", "NewsShell"],
            path: "Fuzz"
        ),
        .testTarget(
            name: "NewsQueryTests",
            dependencies: ["NewsCore", "NewsStore", "NewsText", "NewsQuery", "NewsShell", "NewsEval", "CSQLite"]
        ),
    ]
)
