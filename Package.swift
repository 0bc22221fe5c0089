// swift-tools-version:6.0
// PlanForecast: forecasting and simulation for Vietnam's local five-year development plans.
import PackageDescription

let package = Package(
    name: "PlanForecast",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "planforecast", targets: ["planforecast"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.0.0"),
    ],
    targets: [
        // C shims: the only places that see raw pointers.
        .systemLibrary(name: "CLAPACK", pkgConfig: "lapack",
                       providers: [.apt(["liblapack-dev", "libopenblas-dev"])]),
        .systemLibrary(name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"])]),

        // Swift layers over the C libraries.
        .target(name: "LinearAlgebra", dependencies: ["CLAPACK"]),
        .target(name: "Distributions", dependencies: ["CGSL"]),

        // Value types: plans, targets, baselines, actuals, scenarios.
        .target(name: "PlanModel"),
        // Least squares on LAPACK and trend models with intervals (pure).
        .target(name: "Regression", dependencies: ["LinearAlgebra", "Distributions"]),
        // Scenario sweeps: grid, Monte Carlo, Latin hypercube, sensitivity (pure).
        .target(name: "Simulation", dependencies: ["PlanModel", "LinearAlgebra", "Distributions"]),
        // Plan-level numerics: projections, consistency checks, target assessment (pure).
        .target(name: "Forecasting", dependencies: ["PlanModel", "Regression", "Simulation", "LinearAlgebra", "Distributions"]),
        // Readers and writers at the edges.
        .target(name: "PlanIO", dependencies: [
            "PlanModel",
            .product(name: "Yams", package: "Yams"),
            .product(name: "CSV", package: "CSV.swift"),
        ], resources: [.copy("Plans")]),
        .target(name: "Reports", dependencies: ["PlanModel", "Forecasting", "PlanIO"]),
        // The planner's workbench: a loopback web application over the library (issue 11).
        .target(name: "Workbench", dependencies: [
            "PlanModel", "Forecasting", "Simulation", "PlanIO", "Reports",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Yams", package: "Yams"),
        ], resources: [.copy("Assets")]),
        // Subcommands (a library so tests can drive them in-process).
        .target(name: "PlanForecastCLI", dependencies: [
            "PlanModel", "Forecasting", "Regression", "Simulation", "PlanIO", "Reports", "Workbench",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "planforecast", dependencies: ["PlanForecastCLI"]),

        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", "Distributions"]),
        .testTarget(name: "PlanModelTests", dependencies: ["PlanModel"]),
        .testTarget(name: "RegressionTests", dependencies: ["Regression", "LinearAlgebra"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "PlanModel", "LinearAlgebra"]),
        .testTarget(name: "ForecastingTests", dependencies: ["Forecasting", "PlanModel", "PlanIO"]),
        .testTarget(name: "PlanIOTests", dependencies: ["PlanIO", "PlanModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Forecasting", "PlanModel", "PlanIO"]),
        .testTarget(name: "CLITests", dependencies: ["PlanForecastCLI", "PlanIO"]),
        .testTarget(name: "WorkbenchTests", dependencies: [
            "Workbench", "PlanIO", "PlanModel",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOEmbedded", package: "swift-nio"),
        ]),
    ],
    swiftLanguageModes: [.v5]
)
