import Foundation
import Testing

/// `pia approve`, `pia history` and `pia diff` on copies of the revision fixtures.
@Suite struct RevisionCommandTests {
  static let fixtures = PIAProcess.repositoryRoot
    .appendingPathComponent("Tests/PIAKitTests/Fixtures/revision")

  func copy(_ name: String, to folder: URL) throws -> URL {
    let target = folder.appendingPathComponent(name)
    try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name), to: target)
    return target
  }

  @Test func approveHistoryAndDiff() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("pia-revision-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try copy("safe-pilot.pia.yaml", to: folder)
    let resources = ["--resources", PIAProcess.repositoryRoot.path]

    var result = try PIAProcess.run(
      [
        "approve", "--answers", file.path, "--role", "head", "--name", "Jordan Lee",
        "--decision", "approved", "--date", "2026-02-17",
      ] + resources)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Status: Approved"))

    result = try PIAProcess.run(
      [
        "approve", "--answers", file.path, "--role", "program_owner", "--name", "Sam",
        "--decision", "approved", "--advice", "accepted",
      ] + resources)
    #expect(result.status == 64)
    #expect(result.stderr.contains("Only the head records"))

    // Widen the scope by hand: the approval no longer applies.
    let text = try String(contentsOf: file, encoding: .utf8)
    try text.replacingOccurrences(
      of: "access_scope: admin_folder", with: "access_scope: shared_drive"
    )
    .write(to: file, atomically: true, encoding: .utf8)
    result = try PIAProcess.run(["history", "--answers", file.path] + resources)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Status: Draft"))
    #expect(result.stdout.contains("applies to an earlier version"))

    result = try PIAProcess.run(
      [
        "diff", Self.fixtures.appendingPathComponent("safe-pilot.pia.yaml").path, file.path,
        "--format", "json",
      ] + resources)
    #expect(result.status == 0, "\(result.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let materiality = json?["materiality"] as? [String: Any]
    #expect(materiality?["verdict"] as? String == "addendum")
    let answers = json?["answers"] as? [String: Any]
    let changed = answers?["changed"] as? [[String: Any]]
    #expect(changed?.map { $0["question"] as? String } == ["access_scope"])

    result = try PIAProcess.run(["diff", "--answers", file.path] + resources)
    #expect(result.status == 1)
    #expect(result.stderr.contains("has no earlier version"))
  }
}
