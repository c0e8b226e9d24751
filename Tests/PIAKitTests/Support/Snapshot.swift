import Foundation
import Testing

/// Compares `actual` with the golden file `Snapshots/<name>.<extension>` of the PIAKitTests
/// folder, found through `#filePath`.
///
/// With `RECORD_SNAPSHOTS=1` in the environment the golden is (re)written and the test fails,
/// so a re-record is never silently green. On mismatch the failure shows a line diff.
func assertSnapshot(
  of actual: String, named name: String, extension fileExtension: String = "txt",
  filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) {
  let folder = RepositoryPaths.testsFolder(from: filePath).appendingPathComponent("Snapshots")
  let url = folder.appendingPathComponent("\(name).\(fileExtension)")
  let actual = normalized(actual)
  if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try actual.write(to: url, atomically: true, encoding: .utf8)
      Issue.record(
        "Recorded snapshot \(url.lastPathComponent); unset RECORD_SNAPSHOTS and run again.",
        sourceLocation: sourceLocation)
    } catch {
      Issue.record("Cannot record snapshot \(url.path): \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  guard let data = FileManager.default.contents(atPath: url.path) else {
    Issue.record(
      "No snapshot at \(url.path); run with RECORD_SNAPSHOTS=1 to record it.",
      sourceLocation: sourceLocation)
    return
  }
  let expected = normalized(String(decoding: data, as: UTF8.self))
  if expected != actual {
    let diff = lineDiff(expected: expected, actual: actual)
    Issue.record(
      "Snapshot \(url.lastPathComponent) differs (- golden, + actual):\n\(diff)",
      sourceLocation: sourceLocation)
  }
}

private func normalized(_ text: String) -> String {
  text.replacingOccurrences(of: "\r\n", with: "\n")
}

/// A simple line diff: common prefix and suffix are skipped, the differing middle is shown.
private func lineDiff(expected: String, actual: String) -> String {
  let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
  var prefix = 0
  while prefix < min(old.count, new.count) && old[prefix] == new[prefix] { prefix += 1 }
  var suffix = 0
  while suffix < min(old.count, new.count) - prefix
    && old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
  {
    suffix += 1
  }
  var lines = ["@@ line \(prefix + 1) @@"]
  lines += old[prefix..<(old.count - suffix)].prefix(40).map { "- \($0)" }
  lines += new[prefix..<(new.count - suffix)].prefix(40).map { "+ \($0)" }
  return lines.joined(separator: "\n")
}
