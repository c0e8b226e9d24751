import Foundation
import Testing

@testable import PIAKit

@Suite struct MaterialityRulesTests {
  let catalog = ContentCatalog(resources: RepositoryPaths.shipped)

  func rules(_ yaml: String) throws -> ([MaterialityRule], [Diagnostic]) {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("pia-materiality-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("rules.yaml")
    try Data(yaml.utf8).write(to: url)
    return MaterialityRules.load(url, path: "rules.yaml", questionnaires: catalog.questionnaires)
  }

  @Test func brokenRulesAreReportedWithPlaces() throws {
    let (found, diagnostics) = try rules(
      """
      rules:
        - id: a
          description: x
          trigger: {changed: plan_tierr}
          verdict: addendum
        - id: b
          description: y
          trigger: {risk_rose: project_title}
          verdict: none
        - id: c
          description: z
          trigger: {became: "plan_tier = teem"}
          verdict: new_assessment
        - id: d
          description: w
          trigger: {added_choice: data_flows.pi_categry}
          verdict: addendum
        - id: e
          description: v
          trigger: {overall_residual_rose: true}
          verdict: addendum

      """)
    #expect(found.map(\.id) == ["e"])
    let lines = diagnostics.map {
      "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)"
    }
    #expect(
      lines.contains {
        $0.hasPrefix("4:24 'plan_tierr' is not a question") && $0.contains("plan_tier")
      })
    #expect(
      lines.contains {
        $0.hasPrefix("8:26 'project_title' is text; this trigger needs choice or multi_choice")
      })
    #expect(
      lines.contains { $0.hasPrefix("9:14 a rule's verdict is 'addendum' or 'new_assessment'") })
    #expect(lines.contains { $0.hasPrefix("12:36 'teem' is not a choice of 'plan_tier'") })
    #expect(
      lines.contains {
        $0.hasPrefix("16:29 'pi_categry' is not a question of the group 'data_flows'")
      })
  }

  @Test func verdictIsTheStrongestRuleThatFires() throws {
    let (found, diagnostics) = try rules(
      """
      rules:
        - id: scope
          description: Wider scope
          trigger: {risk_rose: access_scope}
          verdict: addendum
        - id: tier
          description: Tier changed
          trigger: {changed: plan_tier}
          verdict: new_assessment
        - id: canada
          description: Outside Canada
          trigger: {became: ai_data_location = outside_canada}
          verdict: new_assessment

      """)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    let questionnaire = try #require(catalog.questionnaire("ai-assistant"))
    let rules = MaterialityRules(rules: found)
    func verdict(_ old: [String: AnswerValue], _ new: [String: AnswerValue]) -> Materiality {
      ChangeSummary(from: old, to: new, questionnaire: questionnaire, rules: rules).materiality
    }
    let narrow: [String: AnswerValue] = [
      "access_scope": .choice("admin_folder"), "plan_tier": .choice("team"),
      "ai_data_location": .choice("canada"),
    ]
    var wider = narrow
    wider["access_scope"] = .choice("shared_drive")
    #expect(verdict(narrow, wider).verdict == .addendum)
    #expect(verdict(narrow, wider).reasons.map(\.rule) == ["scope"])
    #expect(verdict(wider, narrow).verdict == MaterialityVerdict.none)
    wider["ai_data_location"] = .choice("outside_canada")
    #expect(verdict(narrow, wider).verdict == .newAssessment)
    #expect(verdict(narrow, wider).reasons.map(\.rule) == ["scope", "canada"])
    #expect(verdict(narrow, narrow).reasons.isEmpty)
  }

  @Test func reviewDatesFollowTheResidualLevel() throws {
    let date = try #require(CalendarDate("2026-01-31"))
    #expect(ReviewPolicy.nextReview(after: date, residual: .critical) == CalendarDate("2026-04-30"))
    #expect(ReviewPolicy.nextReview(after: date, residual: .high) == CalendarDate("2026-07-31"))
    #expect(ReviewPolicy.nextReview(after: date, residual: .medium) == CalendarDate("2027-01-31"))
    #expect(ReviewPolicy.nextReview(after: date, residual: .low) == CalendarDate("2027-01-31"))
    #expect(CalendarDate("2024-01-31")?.adding(months: 1) == CalendarDate("2024-02-29"))
    #expect(CalendarDate("2026-11-15")?.adding(months: 3) == CalendarDate("2027-02-15"))
  }
}
