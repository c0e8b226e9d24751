import Foundation
import Testing

/// Runs the built `pia` binary: `convert` and `check-accessibility`, exit codes and messages.
@Suite struct ConvertCommandTests {
  static var binary: URL { PIAProcess.binary }

  static func run(_ arguments: [String], in folder: URL) throws -> PIAProcess.Result {
    try PIAProcess.run(arguments, in: folder, environment: ["SOURCE_DATE_EPOCH": "1767225600"])
  }

  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pia-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path), "pia binary not built"))
  func convertWritesAReproducibleAccessibleDocx() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try "# Title\n\n## Part\n\n| A | B |\n|---|---|\n| 1 | 2 |\n".write(
      to: folder.appendingPathComponent("in.md"), atomically: true, encoding: .utf8)
    let first = try Self.run(["convert", "in.md", "-o", "a.docx"], in: folder)
    #expect(first.status == 0, "\(first.stderr)")
    let second = try Self.run(["convert", "in.md", "-o", "b.docx"], in: folder)
    #expect(second.status == 0)
    let a = try Data(contentsOf: folder.appendingPathComponent("a.docx"))
    let b = try Data(contentsOf: folder.appendingPathComponent("b.docx"))
    #expect(a.count > 1000)
    #expect(a == b)
    let check = try Self.run(["check-accessibility", "a.docx"], in: folder)
    #expect(check.status == 0)
    #expect(check.stdout == "a.docx: ok\n")
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path), "pia binary not built"))
  func checkAccessibilityFailsOnSkippedHeading() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try "# Title\n\n### Deep\n".write(
      to: folder.appendingPathComponent("in.md"), atomically: true, encoding: .utf8)
    #expect(try Self.run(["convert", "in.md", "-o", "out.docx"], in: folder).status == 0)
    let check = try Self.run(["check-accessibility", "out.docx"], in: folder)
    #expect(check.status == 1)
    #expect(check.stdout.contains("\"Deep\" is level 3"))
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path), "pia binary not built"))
  func unknownDirectiveNamesFileAndLine() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try "# T\n\n<!-- pia:nope -->\n".write(
      to: folder.appendingPathComponent("bad.md"), atomically: true, encoding: .utf8)
    let result = try Self.run(["convert", "bad.md", "-o", "out.docx"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr.contains("bad.md:3: unknown directive <!-- pia:nope -->"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.docx").path))
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path), "pia binary not built"))
  func convertRefusesToOverwriteASymlink() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try "# T\n".write(to: folder.appendingPathComponent("in.md"), atomically: true, encoding: .utf8)
    try "keep".write(to: folder.appendingPathComponent("target"), atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(
      atPath: folder.appendingPathComponent("link.docx").path, withDestinationPath: "target")
    let result = try Self.run(["convert", "in.md", "-o", "link.docx"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr.contains("refusing to overwrite link.docx: it is a symbolic link"))
    let kept = try String(contentsOf: folder.appendingPathComponent("target"), encoding: .utf8)
    #expect(kept == "keep")
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path), "pia binary not built"))
  func missingInputIsNamed() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Self.run(["convert", "nope.md", "-o", "out.docx"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr.contains("cannot read nope.md"))
  }
}
