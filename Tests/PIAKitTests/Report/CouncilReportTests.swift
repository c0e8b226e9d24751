import Foundation
import Testing

@testable import PIAKit

/// The staff report's motion follows the verdict (issue 13).
@Suite struct CouncilReportTests {
  static func staffReport(_ example: String, edit: (inout AssessmentFile) -> Void = { _ in }) throws
    -> String
  {
    let url = RepositoryPaths.root.appendingPathComponent("Examples/\(example)")
    var session = try Fixtures.session(
      url, content: ReportFixtures.catalog, path: "Examples/\(example)")
    edit(&session.file)
    let files = try ReportRenderer(catalog: ReportFixtures.catalog).render(
      session, baseName: "x", templateIDs: ["council-report"], format: .md, date: nil)
    return String(decoding: try #require(files.first).data, as: UTF8.self)
  }

  @Test func proceedAsksCouncilToApprove() throws {
    let report = try Self.staffReport("safe-admin-pilot.pia.yaml")
    #expect(report.contains("1. That General Committee approve proceeding with"))
    #expect(report.contains("2. That staff report back to General Committee by 2026-09-15"))
    #expect(!report.contains("Not ready for council"))
  }

  @Test func doNotProceedReceivesForInformationAndDirectsStaff() throws {
    let report = try Self.staffReport("personal-account-pilot.pia.yaml")
    #expect(report.contains("1. That Council receive this report for information."))
    #expect(report.contains("2. That Council direct staff not to proceed with"))
    #expect(!report.contains("approve proceeding"))
    #expect(!report.contains("subject to the conditions"))
  }

  @Test func anIncompleteAssessmentIsNotReadyForCouncil() throws {
    let report = try Self.staffReport("safe-admin-pilot.pia.yaml") { file in
      file.answers["coordinator_advice"] = nil
    }
    #expect(report.contains("**Not ready for council.**"))
    #expect(!report.contains("That General Committee"))
    #expect(report.contains("None until the assessment is complete."))
  }

  @Test func councilAnswersFillTheHeaderBlock() throws {
    let report = try Self.staffReport("records-system-deployment.pia.yaml")
    #expect(report.contains("| Report number | CS-2026-021 |"))
    #expect(report.contains("| Meeting date | 2026-05-12 |"))
    #expect(report.contains("Yes, on 2026-04-08. Outcome:"))
    #expect(report.contains("telephone 519-555-0100, e-mail privacy@westbrook.example.ca"))
  }
}
