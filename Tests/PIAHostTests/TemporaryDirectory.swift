import Foundation

/// A fresh folder for one test, removed when the value is released.
final class TemporaryDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("pia-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// A path inside the folder.
  func file(_ name: String) -> URL { url.appendingPathComponent(name) }

  deinit {
    // Make read-only folders writable again so they can be removed.
    chmod(url.path, 0o755)
    try? FileManager.default.removeItem(at: url)
  }
}
