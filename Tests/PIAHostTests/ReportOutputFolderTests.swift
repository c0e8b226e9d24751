import Foundation
import PIAKit
import Testing

@testable import PIAHost

@Suite struct ReportOutputFolderTests {
  func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pia-render-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  let file = RenderedFile(name: "a.pia-report.md", data: Data("# A\n".utf8))

  @Test func writesAndRewritesItsOwnFiles() throws {
    let url = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: url) }
    let folder = ReportOutputFolder(url: url, display: "out")
    #expect(try folder.write([file], force: false) == ["out/a.pia-report.md"])
    var changed = file
    changed.data = Data("# B\n".utf8)
    #expect(try folder.write([changed], force: false) == ["out/a.pia-report.md"])
    #expect(
      FileManager.default.contents(atPath: url.appendingPathComponent(file.name).path)
        == changed.data)
  }

  @Test func refusesAFileItDidNotWrite() throws {
    let url = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: url) }
    let mine = Data("hand-written\n".utf8)
    try mine.write(to: url.appendingPathComponent(file.name))
    let folder = ReportOutputFolder(url: url, display: "out")
    #expect(
      throws: DiagnosticsError([
        .error(
          "'out/a.pia-report.md' was not written by pia render, or was edited since; pass --force to overwrite it",
          at: nil)
      ])
    ) { try folder.write([file], force: false) }
    #expect(
      FileManager.default.contents(atPath: url.appendingPathComponent(file.name).path) == mine)
    _ = try folder.write([file], force: true)
    #expect(
      FileManager.default.contents(atPath: url.appendingPathComponent(file.name).path) == file.data)
  }

  @Test func refusesAnEditedFile() throws {
    let url = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: url) }
    let folder = ReportOutputFolder(url: url, display: "out")
    _ = try folder.write([file], force: false)
    try Data("edited\n".utf8).write(to: url.appendingPathComponent(file.name))
    #expect(throws: DiagnosticsError.self) { try folder.write([file], force: false) }
  }

  @Test func neverWritesThroughASymbolicLink() throws {
    let url = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: url) }
    let outside = url.appendingPathComponent("outside.txt")
    try Data("keep\n".utf8).write(to: outside)
    let output = url.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      at: output.appendingPathComponent(file.name), withDestinationURL: outside)
    let folder = ReportOutputFolder(url: output, display: "out")
    #expect(
      throws: DiagnosticsError([
        .error(
          "'out/a.pia-report.md' is a symbolic link; pass --force to replace the link (its target is left alone)",
          at: nil)
      ])
    ) { try folder.write([file], force: false) }
    _ = try folder.write([file], force: true)
    #expect(FileManager.default.contents(atPath: outside.path) == Data("keep\n".utf8))
    let attributes = try FileManager.default.attributesOfItem(
      atPath: output.appendingPathComponent(file.name).path)
    #expect(attributes[.type] as? FileAttributeType == .typeRegular)
  }

  @Test func refusesNamesThatLeaveTheFolder() throws {
    let url = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: url) }
    let folder = ReportOutputFolder(url: url, display: "out")
    #expect(throws: DiagnosticsError.self) {
      try folder.write([RenderedFile(name: "../x.md", data: Data())], force: true)
    }
  }

  @Test func outputNamesComeFromTheAnswersFile() {
    #expect(
      ReportRenderer.baseName(ofAnswers: "Examples/safe-admin-pilot.pia.yaml") == "safe-admin-pilot"
    )
    #expect(ReportRenderer.baseName(ofAnswers: "/tmp/x.yaml") == "x")
  }

}
