import Foundation
import Testing

@testable import PIAKit

/// The council module's answers are not signed (issue 13): a meeting date set after approval
/// keeps the assessment approved; a change of a signed answer makes it a draft again.
@Suite struct SignedAnswersTests {
  static let catalog = ContentCatalog(
    resources: Resources(root: RepositoryPaths.root, displayRoot: "."))

  static func approvedExample() throws -> AssessmentSession {
    let url = RepositoryPaths.root.appendingPathComponent("Examples/safe-admin-pilot.pia.yaml")
    var session = try Fixtures.session(
      url, content: catalog, path: "Examples/safe-admin-pilot.pia.yaml")
    let date = try #require(CalendarDate("2026-03-02"))
    try session.approve(ApprovalRequest(role: .head, name: "Head", decision: .approved, date: date))
    #expect(session.signOff.isApproved)
    return session
  }

  @Test func theCouncilModuleIsNotSigned() throws {
    let session = try Self.approvedExample()
    let unsigned = session.questionnaire.unsignedQuestionIDs
    #expect(unsigned.contains("council_meeting_date"))
    #expect(unsigned.contains("report_number"))
    #expect(!unsigned.contains("project_title"))
    #expect(!unsigned.contains("next_review_date"))
  }

  @Test func aCouncilAnswerSetAfterApprovalKeepsTheApproval() throws {
    var session = try Self.approvedExample()
    let hash = session.signedAnswersHash
    try session.answer(
      QuestionPath("council_meeting_date"), .date(try #require(CalendarDate("2026-04-14"))))
    try session.answer(QuestionPath("report_number"), .text("CLK-2026-014"))
    #expect(session.file.answers["report_number"] == .text("CLK-2026-014"))
    #expect(session.signedAnswersHash == hash)
    #expect(session.signOff.isApproved)
    #expect(!session.needsNewVersion || session.file.history.isEmpty)
    let files = try ReportRenderer(catalog: Self.catalog).render(
      session, baseName: "x", templateIDs: ["pia-report", "council-report"], format: .md,
      date: nil)
    let markdown = { (name: String) in
      String(decoding: files.first { $0.name == name }?.data ?? Data(), as: UTF8.self)
    }
    let report = markdown("x.pia-report.md")
    #expect(report.contains("| Version | 1 (Approved) |"))
    let staff = markdown("x.council-report.md")
    #expect(staff.contains("| Report number | CLK-2026-014 |"))
    #expect(staff.contains("| Meeting date | 2026-04-14 |"))
  }

  @Test func aSignedAnswerChangedAfterApprovalMakesADraft() throws {
    var session = try Self.approvedExample()
    try session.answer(QuestionPath("project_title"), .text("Another pilot"))
    #expect(!session.signOff.isApproved)
    #expect(session.signOff.label == "Draft")
  }
}
