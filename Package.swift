// swift-tools-version:6.0
// DarkSector: Belle II-style searches for light dark sectors at sqrt(s) = 10.58 GeV.
// Dependencies point one way (see DESIGN.md):
//   Kinematics <- EventModel <- Generators / Detector / EventStore <- SampleProduction;
//   EventModel <- Analysis (+ Statistics, Reporting) <- a search's physics target;
//   SearchPipeline, SampleProduction and the physics target <- its package target <- darksector.
//   Statistics, Reporting and Provenance depend on nothing of ours.
import PackageDescription

let package = Package(
    name: "DarkSector",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "darksector", targets: ["darksector"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
    ],
    targets: [
        // C libraries
        .systemLibrary(name: "CGSL", path: "Sources/CGSL", pkgConfig: "gsl",
                       providers: [.apt(["libgsl-dev"])]),
        .systemLibrary(name: "HDF5System", path: "Sources/HDF5System", pkgConfig: "hdf5",
                       providers: [.apt(["libhdf5-dev", "libdeflate-dev"])]),
        .target(name: "CHDF5", dependencies: ["HDF5System"], path: "Sources/CHDF5",
                linkerSettings: [.linkedLibrary("z"), .linkedLibrary("deflate")]),

        // Physics foundation
        .target(name: "Kinematics", path: "Sources/Kinematics"),
        .target(name: "EventModel", dependencies: ["Kinematics"], path: "Sources/EventModel"),
        .target(name: "Provenance",
                dependencies: [.product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto")],
                path: "Sources/Provenance"),
        .target(name: "EventStore",
                dependencies: ["EventModel", "CHDF5", "Provenance",
                               .product(name: "Crypto", package: "swift-crypto")],
                path: "Sources/EventStore", exclude: ["README.md"]),
        .target(name: "Statistics", dependencies: ["CGSL"], path: "Sources/Statistics"),
        // Pythia 8 (issue #19): the C shim's declarations, and the Swift side that opens the
        // shim library (built by `make deps`, External/Pythia8) with dlopen at run time
        .target(name: "CPythia8", path: "Sources/CPythia8"),
        .target(name: "Pythia8Bridge", dependencies: ["CPythia8"], path: "Sources/Pythia8Bridge"),
        .target(name: "Generators", dependencies: ["Kinematics", "EventModel", "CGSL", "Pythia8Bridge"],
                path: "Sources/Generators"),
        .target(name: "Detector",
                dependencies: ["Kinematics", "EventModel", .product(name: "Yams", package: "Yams")],
                path: "Sources/Detector"),
        // HepMC3 ASCII reader: any generator's events in (issue #19)
        .target(name: "HepMC3", dependencies: ["Kinematics", "EventModel"], path: "Sources/HepMC3"),

        .target(name: "Reporting", dependencies: ["CGSL", .product(name: "Yams", package: "Yams")],
                path: "Sources/Reporting"),
        .target(name: "Analysis",
                dependencies: ["EventModel", "Provenance",
                               .product(name: "Yams", package: "Yams"),
                               .product(name: "Crypto", package: "swift-crypto")],
                path: "Sources/Analysis"),
        .target(name: "SampleProduction",
                dependencies: ["Generators", "Detector", "EventStore", "EventModel", "Kinematics", "Provenance", "HepMC3",
                               .product(name: "Yams", package: "Yams")],
                path: "Sources/SampleProduction"),

        .target(name: "Corrections",
                dependencies: ["Analysis", "Detector", "EventModel", "Kinematics", "Generators"],
                path: "Sources/Corrections"),

        .target(name: "SearchPipeline",
                dependencies: ["Analysis", "Corrections", "Detector", "EventModel", "Statistics", "Reporting", "EventStore", "Provenance",
                               .product(name: "Crypto", package: "swift-crypto")],
                path: "Sources/SearchPipeline"),

        // Searches: one target each, plus the dimuon + recoil pieces two of them share
        // A search's physics target (its folder) depends on Analysis and the event model only
        // (Tests/SearchLayeringTests keeps the rule); its package target (Package/) adds the
        // signal simulation (Generators, Detector, SampleProduction) and the pipeline.
        .target(name: "DimuonRecoil",
                dependencies: ["Analysis", "EventModel", "Kinematics"],
                path: "Searches/DimuonRecoil"),
        .target(name: "ZPrimeInvisible",
                dependencies: ["DimuonRecoil", "Analysis", "EventModel", "Kinematics"],
                path: "Searches/ZPrimeInvisible", exclude: ["config", "Package"]),
        .target(name: "ZPrimeInvisiblePackage",
                dependencies: ["ZPrimeInvisible", "DimuonRecoil", "SearchPipeline", "SampleProduction", "Analysis", "EventModel",
                               "Kinematics", "Detector", "Generators", "Reporting"],
                path: "Searches/ZPrimeInvisible/Package"),
        .target(name: "DarkHiggsstrahlung",
                dependencies: ["DimuonRecoil", "Analysis", "EventModel", "Kinematics"],
                path: "Searches/DarkHiggsstrahlung", exclude: ["config", "Package"]),
        .target(name: "DarkHiggsstrahlungPackage",
                dependencies: ["DarkHiggsstrahlung", "DimuonRecoil", "SearchPipeline", "SampleProduction", "Analysis", "EventModel",
                               "Kinematics", "Detector", "Generators"],
                path: "Searches/DarkHiggsstrahlung/Package"),
        .target(name: "MonoPhoton",
                dependencies: ["Analysis", "EventModel", "Kinematics"],
                path: "Searches/MonoPhoton", exclude: ["config", "Package"]),
        .target(name: "MonoPhotonPackage",
                dependencies: ["MonoPhoton", "SearchPipeline", "SampleProduction", "Analysis", "EventModel",
                               "Kinematics", "Detector", "Generators"],
                path: "Searches/MonoPhoton/Package"),

        .target(name: "ALPThreePhoton",
                dependencies: ["Analysis", "EventModel", "Kinematics"],
                path: "Searches/AxionLikeParticle", exclude: ["config", "Package"]),
        .target(name: "ALPThreePhotonPackage",
                dependencies: ["ALPThreePhoton", "SearchPipeline", "SampleProduction", "Analysis", "EventModel",
                               "Kinematics", "Detector", "Generators"],
                path: "Searches/AxionLikeParticle/Package"),

        // Command line
        .target(name: "DarkSectorCLI",
                dependencies: [
                    "Kinematics", "EventModel", "EventStore", "Provenance", "Statistics", "CGSL", "Generators",
                    "SampleProduction", "Analysis", "Detector", "Reporting", "SearchPipeline",
                    "ZPrimeInvisiblePackage", "DarkHiggsstrahlungPackage", "MonoPhotonPackage", "ALPThreePhotonPackage",
                    .product(name: "ArgumentParser", package: "swift-argument-parser"),
                    .product(name: "Logging", package: "swift-log"),
                ],
                path: "Sources/DarkSectorCLI"),
        .executableTarget(name: "darksector", dependencies: ["DarkSectorCLI"],
                          path: "Sources/darksector"),

        // Tests: one target per module
        .testTarget(name: "CLibrariesTests", dependencies: ["CGSL", "CHDF5"],
                    path: "Tests/CLibrariesTests"),
        .testTarget(name: "KinematicsTests", dependencies: ["Kinematics"],
                    path: "Tests/KinematicsTests"),
        .testTarget(name: "EventModelTests", dependencies: ["EventModel"],
                    path: "Tests/EventModelTests"),
        .testTarget(name: "EventStoreTests", dependencies: ["EventStore", "EventModel", "Provenance"],
                    path: "Tests/EventStoreTests"),
        .testTarget(name: "ProvenanceTests",
                    dependencies: ["Provenance", .product(name: "GRDB", package: "GRDB.swift")],
                    path: "Tests/ProvenanceTests"),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics"],
                    path: "Tests/StatisticsTests"),
        .testTarget(name: "GeneratorsTests", dependencies: ["Generators", "Kinematics", "EventModel", "Pythia8Bridge"],
                    path: "Tests/GeneratorsTests"),
        .testTarget(name: "HepMC3Tests", dependencies: ["HepMC3", "EventModel", "Kinematics"],
                    path: "Tests/HepMC3Tests"),
        .testTarget(name: "SampleProductionTests", dependencies: ["SampleProduction", "EventStore"],
                    path: "Tests/SampleProductionTests"),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting"], path: "Tests/ReportingTests"),
        .testTarget(name: "AnalysisTests",
                    dependencies: ["Analysis", "EventModel", "EventStore", "Kinematics", "Provenance"],
                    path: "Tests/AnalysisTests"),
        // Test support shared by several test targets (not part of the product).
        .target(name: "DimuonTestSupport", dependencies: ["EventModel", "Kinematics"], path: "Tests/DimuonTestSupport"),
        .testTarget(name: "DarkHiggsstrahlungTests",
                    dependencies: ["DarkHiggsstrahlung", "DarkHiggsstrahlungPackage", "SampleProduction", "DimuonRecoil", "DimuonTestSupport", "Analysis", "Statistics", "SearchPipeline", "EventModel",
                                   "Kinematics", "Generators", "Detector"],
                    path: "Tests/DarkHiggsstrahlungTests"),
        .testTarget(name: "ZPrimeInvisibleTests",
                    dependencies: ["ZPrimeInvisible", "ZPrimeInvisiblePackage", "SampleProduction", "DimuonRecoil", "DimuonTestSupport", "Analysis", "EventModel", "Kinematics", "Generators", "Detector"],
                    path: "Tests/ZPrimeInvisibleTests"),
        .testTarget(name: "SearchPipelineTests",
                    dependencies: ["SearchPipeline", "ZPrimeInvisible", "ZPrimeInvisiblePackage", "Analysis", "EventModel", "EventStore",
                                   "Kinematics", "Statistics", "Reporting", "Provenance", "DimuonTestSupport"],
                    path: "Tests/SearchPipelineTests"),
        .testTarget(name: "MonoPhotonTests",
                    dependencies: ["MonoPhoton", "MonoPhotonPackage", "SampleProduction", "Analysis", "Statistics", "EventModel",
                                   "Kinematics", "Generators", "Detector"],
                    path: "Tests/MonoPhotonTests"),
        .testTarget(name: "AxionLikeParticleTests",
                    dependencies: ["ALPThreePhoton", "ALPThreePhotonPackage", "SampleProduction", "SearchPipeline", "Analysis",
                                   "Statistics", "EventModel", "Kinematics", "Generators", "Detector"],
                    path: "Tests/AxionLikeParticleTests"),
        .testTarget(name: "DetectorTests", dependencies: ["Detector", "Kinematics", "EventModel"],
                    path: "Tests/DetectorTests"),
        .testTarget(name: "CorrectionsTests",
                    dependencies: ["Corrections", "Analysis", "Detector", "EventModel", "SampleProduction", "Generators",
                                   "Kinematics", "ZPrimeInvisible", "ZPrimeInvisiblePackage", "SearchPipeline", "DarkSectorCLI"],
                    path: "Tests/CorrectionsTests", exclude: ["README.md"]),
        .testTarget(name: "DarkSectorCLITests", dependencies: ["DarkSectorCLI", "darksector", "EventStore", "EventModel", "Provenance",
                                                              .product(name: "GRDB", package: "GRDB.swift")],
                    path: "Tests/DarkSectorCLITests"),
    ]
)
