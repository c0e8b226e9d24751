import Foundation
import PIAKit

/// Paths inside the repository, found from this file's location (tests never
/// rely on the working folder).
enum RepositoryPaths {
  /// The repository root.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // PIAKitTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

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
}
