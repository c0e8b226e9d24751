import Foundation

/// Locations in the checkout, derived from a test file's `#filePath`.
enum RepositoryPaths {
  /// The `Tests/PIAKitTests` folder containing `filePath`.
  static func testsFolder(from filePath: String = #filePath) -> URL {
    var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while url.lastPathComponent != "PIAKitTests" && url.path != "/" {
      url.deleteLastPathComponent()
    }
    return url
  }

  /// The repository root (the folder holding Package.swift).
  static var root: URL {
    testsFolder().deletingLastPathComponent().deletingLastPathComponent()
  }

  /// `../shared` beside the clone, when present (CI and the development machine have it).
  static var shared: URL? {
    let url = root.deletingLastPathComponent().appendingPathComponent("shared")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }

  /// The GFM spec corpus folder, when present.
  static var gfmSpec: URL? {
    guard let url = shared?.appendingPathComponent("test-data/gfm-spec"),
      FileManager.default.fileExists(atPath: url.appendingPathComponent("spec.txt").path)
    else { return nil }
    return url
  }
}
