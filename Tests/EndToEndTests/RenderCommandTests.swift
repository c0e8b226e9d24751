import Foundation
import Testing

/// Runs the built `pia render` on a shipped example: outputs, the overwrite guard, accessibility.
@Suite struct RenderCommandTests {
  static var root: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  @Test(
    .enabled(
      if: FileManager.default.fileExists(atPath: ConvertCommandTests.binary.path),
      "pia binary not built"))
  func rendersAShippedExample() throws {
    let folder = try ConvertCommandTests.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let answers = Self.root.appendingPathComponent("Examples/safe-admin-pilot.pia.yaml").path
    let arguments = [
      "render", "--resources", Self.root.path, "--answers", answers, "--output", "out", "--format",
      "all",
    ]
    let first = try ConvertCommandTests.run(arguments, in: folder)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("Wrote out/safe-admin-pilot.pia-report.md\n"))
    #expect(first.stdout.contains("Wrote out/safe-admin-pilot.council-appendix.docx\n"))
    let again = try ConvertCommandTests.run(arguments, in: folder)
    #expect(again.status == 0, "\(again.stderr)")
    let check = try ConvertCommandTests.run(
      ["check-accessibility", "out/safe-admin-pilot.pia-report.docx"], in: folder)
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")

    try "mine\n".write(
      to: folder.appendingPathComponent("out/safe-admin-pilot.notice-of-collection.md"),
      atomically: true, encoding: .utf8)
    let refused = try ConvertCommandTests.run(arguments, in: folder)
    #expect(refused.status == 1)
    #expect(
      refused.stderr
        == "error: 'out/safe-admin-pilot.notice-of-collection.md' was not written by pia render, or was edited since; pass --force to overwrite it\n"
    )
    let forced = try ConvertCommandTests.run(arguments + ["--force"], in: folder)
    #expect(forced.status == 0)
  }

  @Test(
    .enabled(
      if: FileManager.default.fileExists(atPath: ConvertCommandTests.binary.path),
      "pia binary not built"))
  func unknownTemplateIsAnError() throws {
    let folder = try ConvertCommandTests.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let answers = Self.root.appendingPathComponent("Examples/safe-admin-pilot.pia.yaml").path
    let result = try ConvertCommandTests.run(
      [
        "render", "--resources", Self.root.path, "--answers", answers, "--template",
        "council-apendix",
      ], in: folder)
    #expect(result.status == 1)
    #expect(
      result.stderr.hasPrefix(
        "error: unknown template 'council-apendix' (did you mean 'council-appendix'?)"))
  }
}
