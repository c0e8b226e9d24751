import Foundation
import PIAKit
import Testing

@testable import PIAHost

@Suite struct AtomicFileTests {
  let data = Data("format: 1\n".utf8)

  private func mode(_ url: URL) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    return (attributes[.posixPermissions] as? Int) ?? -1
  }

  @Test func newFilesAreOwnerOnlyAndLoadBack() throws {
    let folder = try TemporaryDirectory()
    let store = AtomicFile(url: folder.file("a.pia.yaml"))
    try store.write(data)
    #expect(try mode(store.url) == 0o600)
    #expect(try Data(contentsOf: store.url) == data)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
    #expect(leftovers == ["a.pia.yaml"])
  }

  @Test func keepsTheModeOfAnExistingFile() throws {
    let folder = try TemporaryDirectory()
    let store = AtomicFile(url: folder.file("a.pia.yaml"))
    try store.write(data)
    chmod(store.url.path, 0o640)
    try store.write(data)
    #expect(try mode(store.url) == 0o640)
  }

  @Test func refusesToWriteThroughASymlinkUnlessForced() throws {
    let folder = try TemporaryDirectory()
    let real = folder.file("real.pia.yaml")
    try Data("old\n".utf8).write(to: real)
    let link = folder.file("link.pia.yaml")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
    let store = AtomicFile(url: link, displayPath: "link.pia.yaml")
    #expect(
      throws: AtomicFile.SaveError(
        "'link.pia.yaml' is a symbolic link; pia does not write through links (pass --force to "
          + "replace the file it points to, or give the real path)")
    ) {
      try store.write(data)
    }
    #expect(try String(contentsOf: real, encoding: .utf8) == "old\n")
    let forced = AtomicFile(url: link, followsSymlinks: true)
    try forced.write(data)
    #expect(try Data(contentsOf: real) == data)
    let attributes = try FileManager.default.attributesOfItem(atPath: link.path)
    #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
  }

  /// Root ignores permission bits, so a read-only folder is still writable when
  /// the tests run as root (as in some containers); the test then checks nothing.
  @Test(.enabled(if: geteuid() != 0, "root ignores folder permissions"))
  func failedSaveLeavesThePreviousFileUntouched() throws {
    let folder = try TemporaryDirectory()
    let store = AtomicFile(url: folder.file("a.pia.yaml"), displayPath: "a.pia.yaml")
    try store.write(data)
    let before = try Data(contentsOf: store.url)
    chmod(folder.url.path, 0o555)
    defer { chmod(folder.url.path, 0o755) }
    #expect(
      throws: AtomicFile.SaveError(
        "cannot save 'a.pia.yaml': no permission to write in the folder (could not create a "
          + "temporary file in the folder); the previous version of the file is untouched")
    ) {
      try store.write(Data("changed".utf8))
    }
    #expect(try Data(contentsOf: store.url) == before)
  }

  @Test func aFolderInTheWayIsAReadableError() throws {
    let folder = try TemporaryDirectory()
    let store = AtomicFile(url: folder.url, displayPath: "here")
    #expect(throws: AtomicFile.SaveError("'here' is a folder, not a file")) {
      try store.write(data)
    }
  }

  @Test func aMissingFolderIsAReadableError() throws {
    let folder = try TemporaryDirectory()
    let store = AtomicFile(
      url: folder.file("no/such/a.pia.yaml"), displayPath: "no/such/a.pia.yaml")
    #expect(
      throws: AtomicFile.SaveError(
        "cannot save 'no/such/a.pia.yaml': the folder does not exist (could not create a temporary "
          + "file in the folder); the previous version of the file is untouched")
    ) {
      try store.write(data)
    }
  }

  @Test func removesTemporaryFilesLeftByAKilledSave() throws {
    let folder = try TemporaryDirectory()
    let store = AtomicFile(url: folder.file("a.pia.yaml"))
    let stale = folder.file(".a.pia.yaml.tmp-ABC123")
    let fresh = folder.file(".a.pia.yaml.tmp-XYZ789")
    try Data("partial".utf8).write(to: stale)
    try Data("partial".utf8).write(to: fresh)
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: -3_600)], ofItemAtPath: stale.path)
    try store.write(data)
    #expect(!FileManager.default.fileExists(atPath: stale.path))
    #expect(FileManager.default.fileExists(atPath: fresh.path))
  }
}

@Suite struct AnswersStoreTests {
  @Test func refusesToOverwriteAFileChangedSinceItWasRead() throws {
    let folder = try TemporaryDirectory()
    let url = folder.file("a.pia.yaml")
    try Data("first\n".utf8).write(to: url)
    var store = AnswersStore(url: url, displayPath: "a.pia.yaml")
    _ = try store.read()
    try Data("edited by hand\n".utf8).write(to: url)
    #expect(throws: AtomicFile.SaveError.self) { try store.save(Data("mine\n".utf8)) }
    #expect(try String(contentsOf: url, encoding: .utf8) == "edited by hand\n")
    _ = try store.read()
    try store.save(Data("mine\n".utf8))
    #expect(try String(contentsOf: url, encoding: .utf8) == "mine\n")
    // Its own writes do not count as someone else's.
    try store.save(Data("mine again\n".utf8))
    #expect(store.token == ContentToken(of: Data("mine again\n".utf8)))
  }

  @Test func aNewFileIsCreatedAndAFileCreatedMeanwhileIsNotReplaced() throws {
    let folder = try TemporaryDirectory()
    let url = folder.file("new.pia.yaml")
    var store = AnswersStore(url: url, displayPath: "new.pia.yaml")
    try Data("someone else's\n".utf8).write(to: url)
    #expect(throws: AtomicFile.SaveError.self) { try store.save(Data("mine\n".utf8)) }
    try FileManager.default.removeItem(at: url)
    try store.save(Data("mine\n".utf8))
    #expect(try String(contentsOf: url, encoding: .utf8) == "mine\n")
  }

  @Test func temporaryFileNamesAreRecognized() {
    #expect(AtomicFile.isTemporaryFile(".a.pia.yaml.tmp-ABC123"))
    #expect(!AtomicFile.isTemporaryFile("a.pia.yaml"))
    #expect(!AtomicFile.isTemporaryFile(".a.pia.yaml.tmp-ABC"))
  }
}
