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

  static let enabled = FileManager.default.fileExists(atPath: binary.path)

  /// The named part of a .docx as text, read with unzip ("" when there is no such part).
  static func part(_ name: String, of docx: URL) throws -> String {
    String(decoding: try partData(name, of: docx), as: UTF8.self)
  }

  /// The bytes of the named part of a .docx, read with unzip.
  static func partData(_ name: String, of docx: URL) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
    process.arguments = ["-p", docx.path, name]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = Pipe()
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return data
  }

  @Test(.enabled(if: enabled, "pia binary not built"))
  func imagesBesideTheMarkdownAreEmbeddedAndMissingOnesNamed() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let images = folder.appendingPathComponent("img")
    try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
    // A one-pixel GIF89a.
    let gif: [UInt8] =
      Array("GIF89a".utf8) + [
        1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02,
        0x02, 0x44, 0x01, 0x00, 0x3B,
      ]
    try Data(gif).write(to: images.appendingPathComponent("dot one.gif"))
    // An SVG with a PNG of the same name beside it (the PNG's bytes need only be a PNG header).
    try Data(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"></svg>".utf8
    ).write(to: images.appendingPathComponent("flow.svg"))
    try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).write(
      to: images.appendingPathComponent("flow.png"))
    try
      "# Pictures\n\n![A dot](img/dot%20one.gif)\n\n![Chart](img/chart.png)\n\n![Flows](img/flow.svg)\n"
      .write(
        to: folder.appendingPathComponent("in.md"), atomically: true, encoding: .utf8)
    let result = try Self.run(["convert", "in.md", "-o", "out.docx"], in: folder)
    #expect(result.status == 0)
    #expect(
      result.stderr
        == "in.md:5:1: warning: image 'img/chart.png' is not included: no such file; its"
        + " alternative text is kept in its place\n")
    let docx = folder.appendingPathComponent("out.docx")
    #expect(try Self.partData("word/media/image1.gif", of: docx) == Data(gif))
    let document = try Self.part("word/document.xml", of: docx)
    #expect(document.contains("descr=\"A dot\""))
    #expect(document.contains("<w:t>Chart</w:t>"))
    #expect(document.contains("asvg:svgBlip"))
    #expect(try Self.partData("word/media/image2.svg", of: docx).count > 0)
    #expect(try Self.partData("word/media/image3.png", of: docx).count == 8)
  }

  @Test(.enabled(if: enabled, "pia binary not built"))
  func invalidUTF8IsRefusedWithItsPlace() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data([0x23, 0x20, 0x54, 0x0A, 0x0A, 0x43, 0x61, 0x66, 0xE9, 0x0A]).write(
      to: folder.appendingPathComponent("latin1.md"))
    let result = try Self.run(["convert", "latin1.md", "-o", "out.docx"], in: folder)
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "latin1.md:3:4: error: not valid UTF-8 (found byte 0xE9); save the file as UTF-8\n")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.docx").path))
  }

  @Test(.enabled(if: enabled, "pia binary not built"))
  func utf16WithAByteOrderMarkIsConverted() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = "# Résumé\n\nTexte en français.\n"
    try (Data([0xFF, 0xFE]) + (text.data(using: .utf16LittleEndian) ?? Data())).write(
      to: folder.appendingPathComponent("utf16.md"))
    let result = try Self.run(
      ["convert", "utf16.md", "-o", "out.docx", "--lang", "fr-CA"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let docx = folder.appendingPathComponent("out.docx")
    #expect(try Self.part("word/document.xml", of: docx).contains("Texte en français."))
    #expect(
      try Self.part("docProps/core.xml", of: docx).contains("<dc:language>fr-CA</dc:language>"))
    let check = try Self.run(["check-accessibility", "--lang", "fr-CA", "out.docx"], in: folder)
    #expect(check.stdout == "out.docx: ok\n")
  }

  @Test(.enabled(if: enabled, "pia binary not built"))
  func noDraftHeaderUnlessAskedAndTitleFromTheFirstHeading() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try "## Minutes of the meeting\n\nText.\n".write(
      to: folder.appendingPathComponent("minutes.md"), atomically: true, encoding: .utf8)
    try "No heading here.\n".write(
      to: folder.appendingPathComponent("plain.md"), atomically: true, encoding: .utf8)
    #expect(
      try Self.run(["convert", "minutes.md", "-o", "a.docx", "--title", "Ignored"], in: folder)
        .status == 0)
    let a = folder.appendingPathComponent("a.docx")
    #expect(
      try Self.part("docProps/core.xml", of: a).contains(
        "<dc:title>Minutes of the meeting</dc:title>"))
    #expect(try Self.part("word/header1.xml", of: a).isEmpty)
    #expect(!(try Self.part("docProps/core.xml", of: a)).contains("Draft"))
    #expect(try Self.run(["convert", "plain.md", "-o", "b.docx"], in: folder).status == 0)
    let core = try Self.part("docProps/core.xml", of: folder.appendingPathComponent("b.docx"))
    #expect(!core.contains("<dc:title>"))
    #expect(
      try Self.run(["convert", "plain.md", "-o", "c.docx", "--title", "Plain"], in: folder).status
        == 0)
    let c = folder.appendingPathComponent("c.docx")
    #expect(try Self.part("docProps/core.xml", of: c).contains("<dc:title>Plain</dc:title>"))
    let asked = try Self.run(
      ["convert", "plain.md", "-o", "d.docx", "--status", "Draft", "--header", "Town of Example"],
      in: folder)
    #expect(asked.status == 0)
    let header = try Self.part("word/header1.xml", of: folder.appendingPathComponent("d.docx"))
    #expect(header.contains("Town of Example") && header.contains("Draft"))
  }

  @Test(.enabled(if: enabled, "pia binary not built"))
  func unknownHTMLTagIsAWarningAndCommentsAreNot() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try "# T\n\n<!-- a note -->\n\nSome <blink>text</blink> and <sub>x</sub>.\n".write(
      to: folder.appendingPathComponent("in.md"), atomically: true, encoding: .utf8)
    let result = try Self.run(["convert", "in.md", "-o", "out.docx"], in: folder)
    #expect(result.status == 0)
    #expect(
      result.stderr
        == "in.md:5:6: warning: unknown HTML tag <blink>: its text is kept and the tag left out\n")
  }

  @Test(.enabled(if: enabled, "pia binary not built"))
  func badLanguageTagIsAUsageError() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try "# T\n".write(to: folder.appendingPathComponent("in.md"), atomically: true, encoding: .utf8)
    let result = try Self.run(
      ["convert", "in.md", "-o", "out.docx", "--lang", "English"], in: folder)
    #expect(result.status != 0)
    #expect(result.stderr.contains("--lang 'English' is not a language tag such as en-CA or fr-CA"))
  }
}
