import Foundation
import Testing

@testable import PIAKit

/// The report shows the version, "Draft" until the head approves the current
/// answers, and the "Changes since version N" section (full and short form).
@Suite struct ReportRevisionTests {
  let resources = RepositoryPaths.shipped
  let catalog = ContentCatalog(resources: RepositoryPaths.shipped)

  func load(_ name: String) throws -> AssessmentSession {
    let url = RepositoryPaths.fixtures.appendingPathComponent("revision/\(name)")
    return try Fixtures.session(url, content: catalog, path: name)
  }

  @Test func revisedReportShowsChangesAndStaleApproval() throws {
    let pilot = try load("safe-pilot.pia.yaml")
    let questionnaire = pilot.questionnaire
    let engine = pilot.engine
    let date = try #require(CalendarDate("2026-02-16"))
    let later = try #require(CalendarDate("2026-03-02"))

    // Version 1 approved by the head, then revised into the records-system deployment.
    var session = pilot
    try session.approve(
      ApprovalRequest(role: .head, name: "Jordan Lee", decision: .approved, date: date))
    try session.revise(reason: "Scope widened to the records system", date: later, by: "Dana Roy")
    session.file.answers = try load("records-system.pia.yaml").file.answers
    var file = session.file

    let assessment = engine.assess(answers: file.answers, asOf: date)
    var model = ReportModel(
      questionnaire: questionnaire, answers: file, assessment: assessment, law: catalog.law,
      date: later)
    #expect(model.document.version == "2")
    #expect(model.document.status == "Draft")
    #expect(model.document.revisions.map(\.version) == ["1", "2"])
    #expect(model.document.revisions[1].description.contains("Scope widened"))
    #expect(model.signOff.approvalStatus.hasPrefix("Draft"))
    #expect(model.signOff.approvalStatus.contains("applies to version 1, not to these answers"))

    let rules = catalog.materiality
    let old = try #require(file.record.version(1)).answers
    model.applyChanges(
      ChangeSummary.scored(
        from: old, to: file.answers, engine: engine, rules: rules, oldDate: date, newDate: date,
        fromLabel: "version 1", toLabel: "version 2 (current)", fromVersion: 1))

    let (templates, templateDiagnostics) = ReportTemplates.load(resources: resources)
    #expect(!templateDiagnostics.hasErrors, "\(templateDiagnostics)")
    // Templates escape Markdown punctuation; compare the text without the escapes.
    let report = try templates.render("pia-report", model: model, law: catalog.law)
      .replacingOccurrences(of: "\\", with: "")
    #expect(report.contains("## Changes since version 1"))
    #expect(report.contains("**Materiality:** New assessment:"))
    #expect(report.contains("Overall residual risk: Low → Critical"))
    #expect(report.contains("Verdict: Proceed → Do not proceed."))
    #expect(report.contains("New risk: The tool can reach a records or property system"))
    let appendix = try templates.render("council-appendix", model: model, law: catalog.law)
      .replacingOccurrences(of: "\\", with: "")
    #expect(appendix.contains("## Changes since version 1"))
    #expect(appendix.contains("- Overall residual risk: Low → Critical."))
    #expect(appendix.contains("- Verdict: Proceed → Do not proceed."))

    // The head approves the new answers: no longer a draft.
    // Their residual risk is critical: approving means accepting it in writing.
    try session.approve(
      ApprovalRequest(
        role: .head, name: "Jordan Lee", decision: .approvedWithConditions,
        reason: "Time-limited pilot with records staff only",
        conditions: "Records staff only", date: later, advice: .accepted, acceptsRisk: true))
    file = session.file
    let approved = ReportModel(
      questionnaire: questionnaire, answers: file, assessment: assessment, law: catalog.law,
      date: later)
    #expect(approved.document.status == "Approved with conditions")
    #expect(approved.signOff.approvalStatus.hasPrefix("Approved with conditions by Jordan Lee"))
    #expect(approved.signOff.adviceOutcome == "Accepted by the head or delegate")
    #expect(approved.signOff.signers.first?.decision == "Approved with conditions")
  }

  @Test func aFileWithoutHistoryIsVersionOneDraft() throws {
    let pilot = try load("safe-pilot.pia.yaml")
    let engine = pilot.engine
    let date = try #require(CalendarDate("2026-02-16"))
    let model = ReportModel(
      questionnaire: pilot.questionnaire, answers: pilot.file,
      assessment: engine.assess(answers: pilot.file.answers, asOf: date), law: catalog.law,
      date: date)
    #expect(model.document.version == "1")
    #expect(model.document.status == "Draft")
    #expect(model.document.revisions.map(\.description) == ["First assessment"])
    #expect(model.changes == nil)
  }
}
