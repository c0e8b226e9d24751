import Foundation
import Testing

/// The judgment of issue 12 as a user meets it on the command line:
/// `pia validate --coverage`, approvals refused or accepted by the verdict,
/// and the same treatment of a missing assessment date by score and render.
@Suite struct JudgmentCommandTests {
  static let judgment = PIAProcess.repositoryRoot
    .appendingPathComponent("Tests/PIAKitTests/Fixtures/judgment")
  static let resources = ["--resources", PIAProcess.repositoryRoot.path]

  func copy(_ source: URL, to folder: URL) throws -> URL {
    let target = folder.appendingPathComponent(source.lastPathComponent)
    try FileManager.default.copyItem(at: source, to: target)
    return target
  }

  func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("pia-judgment-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func validateCoveragePrintsEachQuestionnaire() throws {
    let result = try PIAProcess.run(["validate", "--coverage"] + Self.resources)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("ai-assistant: "))
    #expect(result.stdout.contains("mfippa-pia: "))
    #expect(result.stdout.contains("not scored: ipc_consulted — "))
    #expect(!result.stdout.contains("FAILS"))
    let withPath = try PIAProcess.run(
      ["validate", "--coverage", "Questionnaires/mfippa-pia.yaml"] + Self.resources)
    #expect(withPath.status == 64)
  }

  @Test func approvalIsRefusedWhileTheVerdictIsDoNotProceed() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try copy(
      Self.judgment.appendingPathComponent("ai-no-basis-new-purpose.pia.yaml"), to: folder)
    let before = try Data(contentsOf: file)
    let result = try PIAProcess.run(
      [
        "approve", "--answers", file.path, "--role", "head", "--name", "Martin Osei",
        "--decision", "approved",
      ] + Self.resources)
    #expect(result.status == 1)
    #expect(result.stderr.contains("compliance blocker"))
    #expect(result.stderr.contains("MFIPPA s. 32"))
    #expect(try Data(contentsOf: file) == before, "a refused approval leaves the file as it was")
    // Not even with --accept-risk.
    let accept = try PIAProcess.run(
      [
        "approve", "--answers", file.path, "--role", "head", "--name", "Martin Osei",
        "--decision", "approved", "--accept-risk", "--reason", "Pilot only",
      ] + Self.resources)
    #expect(accept.status == 1)
    #expect(accept.stderr.contains("cannot be approved or accepted"))
  }

  @Test func theHeadMayAcceptAHighResidualRiskInWriting() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try copy(
      Self.judgment.appendingPathComponent("high-residual-only.pia.yaml"), to: folder)
    let plain = try PIAProcess.run(
      [
        "approve", "--answers", file.path, "--role", "head", "--name", "Martin Osei",
        "--decision", "approved",
      ] + Self.resources)
    #expect(plain.status == 1)
    #expect(plain.stderr.contains("--accept-risk"))
    let noReason = try PIAProcess.run(
      [
        "approve", "--answers", file.path, "--role", "head", "--name", "Martin Osei",
        "--decision", "approved", "--accept-risk",
      ] + Self.resources)
    #expect(noReason.status == 1)
    #expect(noReason.stderr.contains("--reason"))
    let accepted = try PIAProcess.run(
      [
        "approve", "--answers", file.path, "--role", "head", "--name", "Martin Osei",
        "--decision", "approved_with_conditions", "--conditions", "Records staff only",
        "--accept-risk", "--reason", "Needed for casework; reviewed quarterly",
        "--delegation", "By-law 2019-47", "--date", "2026-04-02",
      ] + Self.resources)
    #expect(accepted.status == 0, "\(accepted.stderr)")
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains("accepts_risk: true"))
    #expect(text.contains("delegation: \"By-law 2019-47\""))
    let score = try PIAProcess.run(["score", "--answers", file.path] + Self.resources)
    #expect(
      score.stdout.contains(
        "Conclusion: Proceed with conditions — residual risk accepted by the head's delegate"),
      "\(score.stdout)")
    let json = try PIAProcess.run(
      ["score", "--answers", file.path, "--format", "json"] + Self.resources)
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let conclusion = object?["conclusion"] as? [String: Any]
    #expect(conclusion?["verdict"] as? String == "proceed_with_conditions")
    #expect((conclusion?["risk_accepted"] as? [String: Any])?["by"] as? String == "Martin Osei")
    // The privacy lead can now approve too.
    let lead = try PIAProcess.run(
      [
        "approve", "--answers", file.path, "--role", "privacy_lead", "--name", "Priya Raman",
        "--decision", "approved",
      ] + Self.resources)
    #expect(lead.status == 0, "\(lead.stderr)")
  }

  @Test func scoreAndRenderRefuseAFileWithNoAssessmentDate() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("undated.pia.yaml")
    try """
    format: 1
    questionnaire: {id: ai-assistant, version: 1}
    answers:
      uses_ai_tool: yes
      plan_tier: team
    """.write(to: file, atomically: true, encoding: .utf8)
    let score = try PIAProcess.run(["score", "--answers", file.path] + Self.resources)
    let render = try PIAProcess.run(
      ["render", "--answers", file.path, "--output", folder.path] + Self.resources)
    #expect(score.status == 1)
    #expect(render.status == 1)
    let message = "the assessment has no date: answer 'assessment_date'"
    #expect(score.stderr.contains(message), "\(score.stderr)")
    #expect(render.stderr.contains(message), "\(render.stderr)")
    let dated = try PIAProcess.run(
      ["score", "--answers", file.path, "--date", "2026-04-01"] + Self.resources)
    #expect(dated.status == 0, "\(dated.stderr)")
    #expect(dated.stdout.contains("Conclusion: Incomplete"))
  }
}
