import Foundation
import PIAKit

/// Paths inside the repository, found from this file's location (tests never
/// rely on the working folder).
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
  static let root = testsFolder().deletingLastPathComponent().deletingLastPathComponent()

  /// `Tests/PIAKitTests/Fixtures`.
  static let fixtures = root.appendingPathComponent("Tests/PIAKitTests/Fixtures")

  /// The shipped resources (Questionnaires/ and Templates/ at the root).
  static var shipped: Resources { Resources(root: root, displayRoot: ".") }

  /// A fixture resource folder, printed relative to the repository root.
  static func fixtureResources(_ name: String) -> Resources {
    Resources(
      root: fixtures.appendingPathComponent(name),
      displayRoot: "Tests/PIAKitTests/Fixtures/\(name)")
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
