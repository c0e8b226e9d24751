import Foundation
import Testing

@testable import PIAKit

/// Published assessments encoded as answers files (`Fixtures/published/`,
/// each with its sources in its header): which of their named risks pia
/// finds, and whether it reaches their conclusion. Only what the source
/// states is answered; the rest stays unanswered, so pia's extra findings
/// from those questions are "not yet established", never findings of fact.
@Suite struct PublishedAssessmentTests {
  static let folder = RiskFixtures.packageRoot.appendingPathComponent(
    "Tests/PIAKitTests/Fixtures/published")

  func score(_ name: String) throws -> Assessment {
    let url = Self.folder.appendingPathComponent("\(name).pia.yaml")
    return try RiskFixtures.score(url)
  }

  func established(_ assessment: Assessment, _ rule: String) -> Finding? {
    assessment.findings.first { $0.ruleID == rule && $0.established }
  }

  /// SURF's DPIA of Microsoft 365 Copilot (December 2024): four high risks,
  /// "do not use until mitigated".
  @Test func surfCopilot() throws {
    let assessment = try score("surf-m365-copilot-2024")
    // (1) no access to diagnostic data, (3) no transparency about service
    // data, (4) unknown retention of service data: what the vendor keeps.
    let telemetry = try #require(established(assessment, "vendor-telemetry-unknown"))
    #expect(telemetry.residual >= .high)
    #expect(telemetry.citations.contains("mfippa-s36-1"))
    #expect(established(assessment, "vendor-retention-mismatch") != nil)
    // (2) generated texts with inaccurate personal data.
    let output = try #require(established(assessment, "ai-output-inaccurate"))
    #expect(output.residual >= .high)
    // The conclusion: never "proceed"; the Ontario questions the DPIA does
    // not answer leave it incomplete, at a critical residual level.
    #expect(assessment.conclusion.verdict == .incomplete)
    #expect(assessment.overallResidual >= .high)
  }

  /// The Ontario Library Service's PIA summary of its interlibrary loan
  /// software: no named risk, "privacy risks are minimal".
  @Test func olsInterlibraryLoan() throws {
    let assessment = try score("ols-rs4g-ill")
    let facts = assessment.findings.filter(\.established)
    #expect(facts.allSatisfy { $0.residual <= .medium }, "\(facts.map(\.key))")
    #expect(assessment.conclusion.blockers.isEmpty)
    // No finding of fact contradicts "minimal"; what the summary leaves
    // unanswered is asked for, not scored as a failure.
    #expect(assessment.conclusion.verdict == .incomplete)
    #expect(assessment.findings.contains { !$0.established })
    #expect(!assessment.findings.contains { $0.ruleID == "use-beyond-purpose" })
  }

  /// The Toronto Police Service's facial recognition entry in its AI
  /// inventory: "High Risk"; the OHRC names discriminatory outcomes.
  @Test func tpsFacialRecognition() throws {
    let assessment = try score("tps-facial-recognition")
    #expect(assessment.overallResidual >= .high)
    let output = try #require(established(assessment, "ai-output-inaccurate"))
    #expect(output.mitigations.contains { $0.id == "output-testing" && !$0.inPlace })
    #expect(output.mitigations.contains { $0.id == "human-review-of-decisions" && $0.inPlace })
    #expect(assessment.conclusion.verdict != .proceed)
    // Law enforcement: no notice findings; a purpose-built system: no folder advice.
    let notice: Set<String> = ["flow-notice-incomplete", "notice-not-given"]
    #expect(!assessment.findings.contains { notice.contains($0.ruleID) })
    #expect(!assessment.actions.contains { $0.id == "scope-to-admin-folder" })
  }
}
