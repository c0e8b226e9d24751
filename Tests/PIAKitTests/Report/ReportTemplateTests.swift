import Foundation
import Testing

@testable import PIAKit

@Suite struct ReportTemplateTests {
  static var schema: TemplateSchema { ReportModel.schema(law: ReportFixtures.law) }

  static func problems(_ source: String) -> [String] {
    do {
      let template = try ReportTemplate(source: source, path: "Templates/x.md")
      return template.check(against: schema).map(\.description)
    } catch {
      return error.diagnostics.map(\.description)
    }
  }

  @Test func unknownTopLevelFieldWithSuggestion() {
    #expect(
      Self.problems("# Title\n\nContact: {{contactt}}\n") == [
        "Templates/x.md:3:10: error: unknown field 'contactt' (did you mean 'contact'?)"
      ])
  }

  @Test func windowsLineBreaksCountAsLines() {
    // A template saved on Windows: its problems are still named by line and column.
    #expect(
      Self.problems("# Title\r\n\r\nContact: {{contactt}}\r\n") == [
        "Templates/x.md:3:10: error: unknown field 'contactt' (did you mean 'contact'?)"
      ])
    #expect(
      Self.problems("a\r\nb \u{E000}\r\n") == [
        "Templates/x.md:2:3: error: private-use characters U+E000 and U+E001 are reserved by the renderer"
      ])
  }

  @Test func unknownFieldWithoutSuggestion() {
    #expect(Self.problems("{{foo}}") == ["Templates/x.md:1:1: error: unknown field 'foo'"])
  }

  @Test func unknownDottedField() {
    #expect(
      Self.problems("x {{document.titl}}") == [
        "Templates/x.md:1:3: error: unknown field 'titl' in 'document.titl' (did you mean 'title'?)"
      ])
  }

  @Test func unknownFieldInsideSection() {
    #expect(
      Self.problems("{{#findings}}\n- {{titl}} {{residual}}\n{{/findings}}\n") == [
        "Templates/x.md:2:3: error: unknown field 'titl' (did you mean 'title'?)"
      ])
  }

  @Test func sectionFieldsAreOnlyVisibleInsideTheSection() {
    #expect(
      Self.problems("{{#findings}}{{/findings}}{{residual}}") == [
        "Templates/x.md:1:27: error: unknown field 'residual'"
      ])
  }

  @Test func unknownSectionName() {
    #expect(
      Self.problems("{{#finding}}x{{/finding}}") == [
        "Templates/x.md:1:1: error: unknown field 'finding' (did you mean 'findings'?)"
      ])
  }

  @Test func unknownCitation() {
    #expect(
      Self.problems("{{cite.mfippa_s28_2}} {{cite.mfippa_s28_22}}") == [
        "Templates/x.md:1:23: error: unknown field 'mfippa_s28_22' in 'cite.mfippa_s28_22' (did you mean 'mfippa_s28_2'?)"
      ])
  }

  @Test func listPrintedAsText() {
    #expect(
      Self.problems("{{findings}}") == [
        "Templates/x.md:1:1: error: field 'findings' is a list or an object; print its fields inside {{#findings}}…{{/findings}}"
      ])
  }

  @Test func unsupportedTags() {
    #expect(
      Self.problems("{{{contact}}}\n{{&contact}}\n{{> part}}") == [
        "Templates/x.md:1:1: error: unescaped output '{{{…}}}' is not supported in report templates; use '{{…}}'",
        "Templates/x.md:2:1: error: unescaped output '{{&…}}' is not supported in report templates; use '{{…}}'",
        "Templates/x.md:3:1: error: '{{>…}}' tags are not supported in report templates",
      ])
  }

  @Test func unclosedSectionIsAParseError() {
    #expect(
      Self.problems("a\n{{#findings}}\nb\n") == [
        "Templates/x.md:4:1: error: section is never closed"
      ])
  }

  @Test func renderRefusesUnknownFields() throws {
    let template = try ReportTemplate(source: "Hello {{contactt}}", path: "Templates/x.md")
    #expect(
      throws: DiagnosticsError([
        .error(
          "unknown field 'contactt' (did you mean 'contact'?)",
          at: SourceLocation(file: "Templates/x.md", line: 1, column: 7))
      ])
    ) {
      try template.render(
        ReportFixtures.pilotModel().templateValue(law: ReportFixtures.law), schema: Self.schema)
    }
  }

  @Test func renderRecordsNamesTheModelLacks() throws {
    // A schema that claims a field the value does not have: the render-time
    // recorder still refuses to print a blank.
    guard case .object(var fields) = Self.schema else {
      Issue.record("schema is not an object")
      return
    }
    fields["ghost"] = .text
    let template = try ReportTemplate(source: "Line\n\nValue: {{ghost}}", path: "Templates/x.md")
    #expect(
      throws: DiagnosticsError([
        .error(
          "unknown field 'ghost'", at: SourceLocation(file: "Templates/x.md", line: 3, column: 8))
      ])
    ) {
      try template.render(
        ReportFixtures.pilotModel().templateValue(law: ReportFixtures.law), schema: .object(fields))
    }
  }

  @Test func escapingFollowsTheLineContext() {
    let o = "\u{E000}"
    let c = "\u{E001}"
    let raw = "| \(o)a|b\nc\(c) |\n# \(o)x\ny\(c)\n\(o)1. p\nq\(c)\n"
    #expect(ReportTemplate.escapeMarkedText(raw) == "| a\\|b c |\n# x y\n1\\. p\\\nq\n")
  }

  @Test func sameInputsGiveSameBytes() throws {
    let first = try ReportFixtures.templates.render(
      "pia-report", model: ReportFixtures.pilotModel(), law: ReportFixtures.law)
    let second = try ReportFixtures.templates.render(
      "pia-report", model: ReportFixtures.pilotModel(), law: ReportFixtures.law)
    #expect(first == second)
  }
}

@Suite struct ReportModelTests {
  func assessment(findings: [Finding], residual: RiskLevel, actions: [Action] = []) -> Assessment {
    Assessment(
      questionnaireID: "q", questionnaireVersion: 1, asOf: ReportFixtures.date("2026-01-01"),
      screening: Screening(outcome: .required, reasons: []), findings: findings,
      overallInherent: residual,
      overallResidual: residual, setBy: [], derivation: [], actions: actions, staleFacts: [])
  }

  func finding(blocker: Bool) -> Finding {
    Finding(
      ruleID: "r", title: "No authority", harm: "h", affected: "a", citations: [],
      inherentLikelihood: .likely,
      inherentSeverity: .significant, residualLikelihood: .remote, residualSeverity: .negligible,
      blocker: blocker,
      mitigations: [])
  }

  /// The report prints the engine's conclusion: a blocker or a high or
  /// critical residual is "do not proceed", open actions are conditions.
  @Test func conclusionRule() {
    #expect(
      ReportModel.recommendation(
        for: assessment(findings: [finding(blocker: true)], residual: .high)
      ).0 == .doNotProceed)
    #expect(
      ReportModel.recommendation(for: assessment(findings: [], residual: .critical)).0
        == .doNotProceed)
    #expect(
      ReportModel.recommendation(for: assessment(findings: [], residual: .high)).0
        == .doNotProceed)
    let open = Action(id: "a", title: "Do it", findings: [], priority: .low)
    #expect(
      ReportModel.recommendation(for: assessment(findings: [], residual: .low, actions: [open])).0
        == .proceedWithConditions)
    var done = open
    done.status = "done"
    #expect(
      ReportModel.recommendation(for: assessment(findings: [], residual: .medium, actions: [done]))
        .0 == .proceed)
    #expect(ReportModel.recommendation(for: ReportFixtures.noPIAssessment()).0 == .proceed)
  }

  @Test func unansweredQuestionsSayNotAnswered() {
    let model = ReportFixtures.pilotModel()
    #expect(model.initiative.currentVsProposed == "Not answered")
    let appendixAnswers = model.appendix.flatMap(\.questions)
    #expect(
      appendixAnswers.contains {
        $0.id == "stakeholders" && $0.answer == "Not answered" && !$0.answered
      })
    #expect(!appendixAnswers.contains { $0.answer.isEmpty })
  }

  @Test func citationsComeFromTheCatalogue() {
    let model = ReportFixtures.pilotModel()
    #expect(model.findings[0].citations == ["MFIPPA s. 4.1", "Reg. 823, s. 5 (verify on e-Laws)"])
    #expect(
      model.law.pending.map(\.title) == [
        "Bill 97 amendments to MFIPPA (S.O. 2026, c. 2, Sched. 11)"
      ])
  }

  @Test func noticeNeverInventsTheContact() {
    let notice = ReportFixtures.pilotModel().notice
    #expect(!notice.contactPresent)
    #expect(notice.authority == "Procedure By-law 2019-045")
    // The title, the business address and the telephone number: each missing part named.
    #expect(notice.gaps.count == 3)
    #expect(notice.contact.hasPrefix("[Missing"))
    #expect(notice.programs.count == 1)
  }

  @Test func validateFindsSkippedHeadingLevels() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pia-\(UUID().uuidString).md")
    try Data("# {{document.title}}\n\n### Too deep\n".utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let diagnostics = ReportTemplates.validate(
      templateAt: url, path: "Templates/x.md", law: ReportFixtures.law)
    #expect(
      diagnostics.map(\.description) == [
        "Templates/x.md: error: rendered output: heading \"Too deep\" is level 3 but follows a level 1 heading (levels must not be skipped)"
      ])
  }
}
