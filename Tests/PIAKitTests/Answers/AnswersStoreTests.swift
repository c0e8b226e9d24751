import Foundation
import PIAKit
import Testing

@Suite struct AnswersStoreTests {
  let small: Questionnaire
  let file: AssessmentFile

  init() throws {
    small = try Fixtures.questionnaire("small.yaml")
    file = AssessmentFile(
      questionnaireID: "small", questionnaireVersion: 2, answers: ["title": .text("Pilot")])
  }

  private func mode(_ url: URL) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    return (attributes[.posixPermissions] as? Int) ?? -1
  }

  @Test func newFilesAreOwnerOnlyAndLoadBack() throws {
    let folder = try TemporaryDirectory()
    let store = AnswersStore(url: folder.file("a.pia.yaml"))
    try store.save(file, questionnaire: small)
    #expect(try mode(store.url) == 0o600)
    let (loaded, diagnostics) = store.load(questionnaire: small)
    #expect(diagnostics.isEmpty)
    #expect(loaded == file)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
    #expect(leftovers == ["a.pia.yaml"])
  }

  @Test func keepsTheModeOfAnExistingFile() throws {
    let folder = try TemporaryDirectory()
    let store = AnswersStore(url: folder.file("a.pia.yaml"))
    try store.save(file, questionnaire: small)
    chmod(store.url.path, 0o640)
    try store.save(file, questionnaire: small)
    #expect(try mode(store.url) == 0o640)
  }

  @Test func refusesToWriteThroughASymlinkUnlessForced() throws {
    let folder = try TemporaryDirectory()
    let real = folder.file("real.pia.yaml")
    try Data("old\n".utf8).write(to: real)
    let link = folder.file("link.pia.yaml")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
    let store = AnswersStore(url: link, displayPath: "link.pia.yaml")
    #expect(
      throws: AnswersStore.SaveError(
        "'link.pia.yaml' is a symbolic link; pia does not write through links (pass --force to "
          + "replace the file it points to, or give the real path)")
    ) {
      try store.save(file, questionnaire: small)
    }
    #expect(try String(contentsOf: real, encoding: .utf8) == "old\n")
    let forced = AnswersStore(url: link, followsSymlinks: true)
    try forced.save(file, questionnaire: small)
    #expect(try String(contentsOf: real, encoding: .utf8).contains("title: Pilot"))
    let attributes = try FileManager.default.attributesOfItem(atPath: link.path)
    #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
  }

  /// Root ignores permission bits, so a read-only folder is still writable when
  /// the tests run as root (as in some containers); the test then checks nothing.
  @Test(.enabled(if: geteuid() != 0, "root ignores folder permissions"))
  func failedSaveLeavesThePreviousFileUntouched() throws {
    let folder = try TemporaryDirectory()
    let store = AnswersStore(url: folder.file("a.pia.yaml"), displayPath: "a.pia.yaml")
    try store.save(file, questionnaire: small)
    let before = try Data(contentsOf: store.url)
    chmod(folder.url.path, 0o555)
    defer { chmod(folder.url.path, 0o755) }
    var changed = file
    changed.answers["title"] = .text("Changed")
    #expect(
      throws: AnswersStore.SaveError(
        "cannot save 'a.pia.yaml': no permission to write in the folder (could not create a "
          + "temporary file in the folder); the previous version of the file is untouched")
    ) {
      try store.save(changed, questionnaire: small)
    }
    #expect(try Data(contentsOf: store.url) == before)
  }

  @Test func aFolderInTheWayIsAReadableError() throws {
    let folder = try TemporaryDirectory()
    let store = AnswersStore(url: folder.url, displayPath: "here")
    #expect(throws: AnswersStore.SaveError("'here' is a folder, not an answers file")) {
      try store.save(file, questionnaire: small)
    }
  }

  @Test func aMissingFolderIsAReadableError() throws {
    let folder = try TemporaryDirectory()
    let store = AnswersStore(
      url: folder.file("no/such/a.pia.yaml"), displayPath: "no/such/a.pia.yaml")
    #expect(
      throws: AnswersStore.SaveError(
        "cannot save 'no/such/a.pia.yaml': the folder does not exist (could not create a temporary "
          + "file in the folder); the previous version of the file is untouched")
    ) {
      try store.save(file, questionnaire: small)
    }
  }

  @Test func removesTemporaryFilesLeftByAKilledSave() throws {
    let folder = try TemporaryDirectory()
    let store = AnswersStore(url: folder.file("a.pia.yaml"))
    let stale = folder.file(".a.pia.yaml.tmp-ABC123")
    let fresh = folder.file(".a.pia.yaml.tmp-XYZ789")
    try Data("partial".utf8).write(to: stale)
    try Data("partial".utf8).write(to: fresh)
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: -3_600)], ofItemAtPath: stale.path)
    try store.save(file, questionnaire: small)
    #expect(!FileManager.default.fileExists(atPath: stale.path))
    #expect(FileManager.default.fileExists(atPath: fresh.path))
  }
}
