import Foundation
import Testing

/// `pia score` as a user runs it: exit codes, JSON, several files.
@Suite struct ScoreCommandTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let fixtures = "Tests/PIAKitTests/Fixtures/risk/"

  static var binary: URL? {
    FileManager.default.isExecutableFile(atPath: PIAProcess.binary.path) ? PIAProcess.binary : nil
  }

  func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
    let result = try PIAProcess.run(
      ["score", "--resources", Self.root.path] + arguments, in: Self.root)
    return (result.status, result.stdout, result.stderr)
  }

  @Test(.enabled(if: binary != nil)) func highRiskStillExitsZero() throws {
    let result = try run([
      "--answers", Self.fixtures + "records-system.pia.yaml", "--date", "2026-04-01",
    ])
    #expect(result.status == 0)
    #expect(result.out.contains("Overall risk: critical → critical"))
    #expect(result.out.contains("MFIPPA s. 28(2)"))
  }

  @Test(.enabled(if: binary != nil)) func jsonForOneAndForSeveralFiles() throws {
    let one = try run(["--answers", Self.fixtures + "safe-pilot.pia.yaml", "--format", "json"])
    #expect(one.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(one.out.utf8)) as? [String: Any]
    #expect((object?["overall"] as? [String: Any])?["residual"] as? String == "low")
    let several = try run([
      "--answers", Self.fixtures + "safe-pilot.pia.yaml",
      Self.fixtures + "personal-account.pia.yaml",
      "--format", "json",
    ])
    let array = try JSONSerialization.jsonObject(with: Data(several.out.utf8)) as? [[String: Any]]
    #expect(array?.count == 2)
    #expect(array?.first?["file"] as? String == Self.fixtures + "safe-pilot.pia.yaml")
  }

  @Test(.enabled(if: binary != nil)) func badInputExitsOneWithAPositionedError() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bad-\(UUID()).pia.yaml")
    try "format: 1\nquestionnaire: {id: ai-assistant, version: 1}\nanswers:\n  plan_tier: premium\n"
      .write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try run(["--answers", file.path])
    #expect(result.status == 1)
    #expect(result.err.contains(":4:14: error: 'premium' is not a choice of 'plan_tier'"))
  }

  @Test(.enabled(if: binary != nil)) func staleFactsAreWarnedAbout() throws {
    let result = try run([
      "--answers", Self.fixtures + "safe-pilot.pia.yaml", "--date", "2026-11-25",
    ])
    #expect(result.out.contains("Stale vendor facts"))
    let lenient = try run([
      "--answers", Self.fixtures + "safe-pilot.pia.yaml", "--date", "2026-11-25",
      "--stale-after", "400",
    ])
    #expect(!lenient.out.contains("Stale vendor facts"))
  }
}
