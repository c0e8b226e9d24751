// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "pia",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "pia", targets: ["pia"]),
    .library(name: "PIAKit", targets: ["PIAKit"]),
    .library(name: "PIAServer", targets: ["PIAServer"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
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
    .systemLibrary(
      name: "CZlibShim",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]
    ),
    .systemLibrary(
      name: "CGraphviz",
      pkgConfig: "libgvc",
      providers: [.apt(["libgraphviz-dev"])]
    ),
    .target(
      name: "PIAKit",
      dependencies: [
        "CLibXML2",
        "CCmarkGFM",
        "CZlibShim",
        "CGraphviz",
        .product(name: "Yams", package: "Yams"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(
      name: "PIAHost",
      dependencies: [
        "PIAKit",
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(
      name: "PIAServer",
      dependencies: [
        "PIAKit",
        "PIAHost",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
        .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        .product(name: "Mustache", package: "swift-mustache"),
      ]
    ),
    .executableTarget(
      name: "pia",
      dependencies: [
        "PIAKit",
        "PIAHost",
        "PIAServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "PIAKitTests",
      dependencies: [
        "PIAKit",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      exclude: ["Snapshots", "Fixtures"]
    ),
    .testTarget(
      name: "PIAHostTests",
      dependencies: ["PIAHost", "PIAKit"]
    ),
    .testTarget(
      name: "PIAServerTests",
      dependencies: ["PIAServer", "PIAHost"]
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["pia"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
