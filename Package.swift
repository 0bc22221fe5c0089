// swift-tools-version:6.0
// PlanForecast: forecasting and simulation for Vietnam's local five-year development plans.
import PackageDescription

let package = Package(
    name: "PlanForecast",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "planforecast", targets: ["planforecast"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.0.0")
    ],
    targets: [
        // C shims: the only places that see raw pointers.
        .systemLibrary(
            name: "CLAPACK", pkgConfig: "lapack",
            providers: [.apt(["liblapack-dev", "libopenblas-dev"])]),
        .systemLibrary(name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"])]),

        // Swift layers over the C libraries.
        .target(name: "LinearAlgebra", dependencies: ["CLAPACK"], exclude: ["README.md"]),
        .target(name: "Distributions", dependencies: ["CGSL"], exclude: ["README.md"]),

        // Value types: plans, targets, baselines, actuals, scenarios.
        .target(name: "PlanModel", exclude: ["README.md"]),
        // Least squares on LAPACK and trend models with intervals (pure).
        .target(
            name: "Regression", dependencies: ["LinearAlgebra", "Distributions"],
            exclude: ["README.md"]),
        // Scenario sweeps: grid, Monte Carlo, Latin hypercube, sensitivity (pure).
        .target(
            name: "Simulation", dependencies: ["PlanModel", "LinearAlgebra", "Distributions"],
            exclude: ["README.md"]),
        // Plan-level numerics: projections, consistency checks, target assessment (pure).
        .target(
            name: "Forecasting",
            dependencies: [
                "PlanModel", "Regression", "Simulation", "LinearAlgebra", "Distributions",
                "TimeSeriesForecasting"
            ], exclude: ["README.md"]),
        // Forecasting models for short yearly series, auto choice, calibration, backtests (pure).
        .target(
            name: "TimeSeriesForecasting", dependencies: ["Regression", "Distributions"],
            exclude: ["README.md"]),
        // Readers and writers at the edges.
        // The plan folders of Notebooks-data/plans, copied beside the executable.
        .target(
            name: "PlanData", path: "Notebooks-data", exclude: ["m3-yearly"],
            sources: ["PlanData.swift"],
            resources: [.copy("plans")]),
        .target(
            name: "PlanIO",
            dependencies: [
                "PlanModel", "PlanData",
                .product(name: "Yams", package: "Yams")
            ], exclude: ["README.md"]),
        // Office workbooks (.xlsx) read and written on ZIPFoundation and Foundation's XMLParser.
        .target(
            name: "Spreadsheet",
            dependencies: [
                "PlanModel", "PlanIO", .product(name: "ZIPFoundation", package: "ZIPFoundation")
            ], exclude: ["README.md"]),
        .target(
            name: "Reports",
            dependencies: [
                "PlanModel", "Forecasting", "PlanIO", "Simulation", "Spreadsheet",
                .product(name: "ZIPFoundation", package: "ZIPFoundation")
            ], exclude: ["README.md"]),
        // The planner's workbench: a loopback web application over the library (issue 11).
        .target(
            name: "Workbench",
            dependencies: [
                "PlanModel", "Forecasting", "Simulation", "PlanIO", "Reports", "Spreadsheet",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams")
            ], exclude: ["README.md"], resources: [.copy("Assets")]),
        // Subcommands (a library so tests can drive them in-process).
        .target(
            name: "PlanForecastCLI",
            dependencies: [
                "PlanModel", "Forecasting", "Regression", "Simulation", "PlanIO", "Reports",
                "LinearAlgebra",
                "TimeSeriesForecasting", "Spreadsheet", "Workbench",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ], exclude: ["README.md"]),
        .executableTarget(name: "planforecast", dependencies: ["PlanForecastCLI"]),

        // The seeded generator every property test shares (test code only).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
        .testTarget(name: "DistributionsTests", dependencies: ["Distributions"]),
        .testTarget(name: "PlanModelTests", dependencies: ["PlanModel", "TestSupport"]),
        .testTarget(
            name: "RegressionTests", dependencies: ["Regression", "LinearAlgebra"],
            exclude: ["Fixtures"]),  // NIST StRD files, read from the source tree
        .testTarget(
            name: "SimulationTests",
            dependencies: ["Simulation", "PlanModel", "LinearAlgebra", "TestSupport"]),
        .testTarget(
            name: "ForecastingTests",
            dependencies: [
                "Forecasting", "PlanModel", "PlanIO", "TimeSeriesForecasting", "TestSupport"
            ]),
        .testTarget(
            name: "PlanIOTests", dependencies: ["PlanIO", "PlanModel", "TestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ReportsTests",
            dependencies: [
                "Reports", "Forecasting", "PlanModel", "PlanIO", "Simulation", "Spreadsheet"
            ]),
        .testTarget(
            name: "TimeSeriesForecastingTests", dependencies: ["TimeSeriesForecasting"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "SpreadsheetTests",
            dependencies: [
                "Spreadsheet", "PlanIO", "PlanModel", "TestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation")
            ]),
        .testTarget(
            name: "PlanForecastCLITests", dependencies: ["PlanForecastCLI", "PlanIO", "Reports"]),
        .testTarget(
            name: "WorkbenchTests",
            dependencies: [
                "Workbench", "PlanIO", "PlanModel", "TestSupport", "Simulation", "Spreadsheet",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOEmbedded", package: "swift-nio")
            ])
    ],
    swiftLanguageModes: [.v6]
)
