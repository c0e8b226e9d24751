import Foundation

/// Finds external programs the way a shell does: each folder of `PATH` in order, then known
/// install locations.
public struct ExecutableSearch: Sendable {
  /// The environment whose `PATH` is searched.
  public var environment: [String: String]

  /// Creates a search over `environment` (the current process's by default).
  public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    self.environment = environment
  }

  /// The first executable file named one of `names` in `PATH`, else the first of `fallbacks`
  /// that is executable; nil when none is.
  ///
  /// - Parameters:
  ///   - names: Program names, tried in order in each `PATH` folder (`soffice`, `libreoffice`).
  ///   - fallbacks: Full paths tried after `PATH`; a `*` in the last folder name matches any
  ///     folder there (`/opt/libreoffice*/program/soffice`), newest name last, so the last match
  ///     wins.
  public func find(_ names: [String], fallbacks: [String] = []) -> URL? {
    let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
    for folder in folders where !folder.isEmpty {
      for name in names {
        let path = "\(folder)/\(name)"
        if Self.isExecutableFile(path) { return URL(fileURLWithPath: path) }
      }
    }
    for fallback in fallbacks {
      for path in Self.expand(fallback).reversed() where Self.isExecutableFile(path) {
        return URL(fileURLWithPath: path)
      }
    }
    return nil
  }

  /// True when `path` is a regular file (after links) this process may execute.
  static func isExecutableFile(_ path: String) -> Bool {
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
      && !isFolder.boolValue
      && FileManager.default.isExecutableFile(atPath: path)
  }

  /// `pattern` with a `*` in one folder name expanded to the matching folders, sorted.
  static func expand(_ pattern: String) -> [String] {
    let parts = pattern.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard let index = parts.firstIndex(where: { $0.contains("*") }) else { return [pattern] }
    let parent = parts[..<index].joined(separator: "/")
    let part = parts[index]
    let star = part.firstIndex(of: "*") ?? part.endIndex
    let prefix = String(part[..<star])
    let suffix = String(part[part.index(after: star)...])
    let entries =
      (try? FileManager.default.contentsOfDirectory(atPath: parent.isEmpty ? "/" : parent)) ?? []
    return entries.filter { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }.sorted().map {
      ([parent, $0] + parts[(index + 1)...]).joined(separator: "/")
    }
  }
}
