import Foundation
import Testing

/// Hostile files in every place `pia` reads YAML: each is refused with a
/// positioned error and exit 1, never a crash, and memory stays bounded.
@Suite(.serialized) struct HostileFileTests {
  /// Where each kind of file lives in a resource copy, and the command that reads it.
  enum Kind: String, CaseIterable, Sendable {
    case questionnaire = "Questionnaires/ai-assistant.yaml"
    case law = "Questionnaires/law/mfippa.yaml"
    case rules = "Questionnaires/rules/ai-assistant.yaml"
    case vendor = "Questionnaires/vendors/anthropic.yaml"
    case answers = "Examples/safe-admin-pilot.pia.yaml"
  }

  /// Builds hostile contents from the original file's text.
  static let cases: [(name: String, make: @Sendable (String) -> Data)] = [
    ("malformed", { _ in Data("id: [unclosed\nversion: 1\n".utf8) }),
    ("wrong types", { _ in Data("- 1\n- [2]\n- {three: 3}\n".utf8) }),
    ("invalid UTF-8", { text in Data(text.prefix(40).utf8) + Data([0xC3, 0x28, 0xFF]) }),
    ("duplicate keys", { _ in Data("format: 1\nformat: 2\nid: x\nid: y\n".utf8) }),
    (
      "deep nesting",
      { _ in Data((String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)).utf8)
      }
    ),
    (
      "billion laughs",
      { _ in
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
          let previous = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
          lines.append("a\(level): &a\(level) [\(previous)]")
        }
        return Data((lines.joined(separator: "\n") + "\nsections: *a9\nanswers: *a9\n").utf8)
      }
    ),
    ("50 MB", { _ in Data(repeating: UInt8(ascii: "a"), count: 50 * 1024 * 1024) }),
    ("NUL byte", { text in Data(text.utf8) + Data([0]) }),
  ]

  static let arguments: [(Kind, Int)] = Kind.allCases.flatMap { kind in
    cases.indices.map { (kind, $0) }
  }

  /// A scratch copy of the shipped Questionnaires, Templates and Examples.
  static func copyOfResources() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pia-hostile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for item in ["Questionnaires", "Templates", "Examples"] {
      try FileManager.default.copyItem(
        at: PIAProcess.repositoryRoot.appendingPathComponent(item),
        to: folder.appendingPathComponent(item))
    }
    return folder
  }

  /// The command that reads a file of `kind` from `resources`.
  static func command(reading kind: Kind, resources: URL) -> [String] {
    kind == .answers
      ? ["score", "--resources", resources.path, "--answers", kind.rawValue]
      : ["validate", "--resources", resources.path]
  }

  @Test(arguments: arguments)
  func hostileFileIsRefused(_ kind: Kind, _ index: Int) throws {
    let (name, make) = Self.cases[index]
    let folder = try Self.copyOfResources()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent(kind.rawValue)
    let original = try String(contentsOf: target, encoding: .utf8)
    try make(original).write(to: target)
    let arguments = Self.command(reading: kind, resources: folder)
    let result = try PIAProcess.run(arguments, in: folder)
    #expect(result.status == 1, "\(kind) / \(name): \(result.stderr)")
    #expect(
      result.stderr.contains("\(kind.rawValue):") && result.stderr.contains(": error: "),
      "\(kind) / \(name): \(result.stderr.prefix(400))")
    #expect(!result.stderr.contains("Fatal error"), "\(kind) / \(name)")
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    #expect(usage.ru_maxrss < 1_000_000, "peak memory \(usage.ru_maxrss) KB")
  }

  @Test(arguments: Kind.allCases)
  func byteOrderMarkAndCRLFAreAccepted(_ kind: Kind) throws {
    let folder = try Self.copyOfResources()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent(kind.rawValue)
    let original = try String(contentsOf: target, encoding: .utf8)
    let crlf = original.replacingOccurrences(of: "\n", with: "\r\n")
    try (Data([0xEF, 0xBB, 0xBF]) + Data(crlf.utf8)).write(to: target)
    let arguments = Self.command(reading: kind, resources: folder)
    let result = try PIAProcess.run(arguments, in: folder)
    #expect(result.status == 0, "\(kind): \(result.stderr.prefix(400))")
  }
}
