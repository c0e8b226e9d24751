import Foundation
import Testing

@testable import PIAKit

@Suite struct RuleValidationTests {
  func diagnostics(_ yaml: String) throws -> [String] {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("pia-rules-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try yaml.write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
    let catalog = RiskFixtures.catalog
    let (rules, loading) = RuleCatalogue.load(folder: folder, displayFolder: "rules")
    let checking = RuleValidator(
      law: catalog.law, questionnaires: catalog.questionnaires,
      vendorFacts: catalog.vendors.factNames
    ).validate(rules.rules)
    return (loading + checking).map(\.description)
  }

  @Test func reportsEveryKindOfProblemWithPositions() throws {
    let found = try diagnostics(
      """
      questionnaires: [ai-assistant]
      rules:
        - id: one
          title: One
          when: plan_teir = pro or access_scope = records
          harm: h
          affected: a
          cites: [mfippa-s28-2, mfippa-s99]
          likelihood: likly
          severity: huge
          raise:
            - when: vendor.trains_by_defalt = true
              likelihood: -1
          mitigations:
            - id: m
              title: M
              in_place_when: ai_use_policy = maybe
              likelihood: +1
              owner_question: assessment_date
          colour: red
        - id: one
          title: Two
          when: personal_information = none
          harm: h
          affected: a
          cites: [mfippa-s28-2]
          likelihood: likely
          severity: limited
      """)
    let expectations = [
      "rules/bad.yaml:5:11: error: unknown question 'plan_teir' (did you mean 'plan_tier'?)",
      "rules/bad.yaml:5:45: error: 'records' is not a choice of 'access_scope'",
      "rules/bad.yaml:8:12: error: unknown law id 'mfippa-s99'",
      "rules/bad.yaml:9:17: error: unknown likelihood 'likly' (did you mean 'likely'?)",
      "rules/bad.yaml:10:15: error: unknown severity 'huge'",
      "rules/bad.yaml:12:22: error: unknown vendor fact 'trains_by_defalt'",
      "rules/bad.yaml:13:21: error: expected +1, +2 or +3",
      "rules/bad.yaml:17:40: error: 'ai_use_policy' is a yes/no question",
      "rules/bad.yaml:18:21: error: expected -1, -2 or -3",
      "rules/bad.yaml:19:25: error: owner_question 'assessment_date' must be a text or long_text question",
      "rules/bad.yaml:20:5: error: unknown key 'colour' in a rule",
      "rules/bad.yaml:21:5: error: duplicate rule id 'one'",
    ]
    for expected in expectations {
      #expect(
        found.contains { $0.hasPrefix(expected) },
        "missing: \(expected)\nfound:\n\(found.joined(separator: "\n"))")
    }
  }

  @Test func unknownQuestionnaireAndGroup() throws {
    let found = try diagnostics(
      """
      questionnaires: [ai-asistant, ai-assistant]
      rules:
        - id: flows
          title: Flows
          for_each: data_flow
          when: authority = none
          harm: h
          affected: a
          cites: [mfippa-s28-2]
          likelihood: likely
          severity: limited
      """)
    #expect(
      found.contains {
        $0.contains("unknown questionnaire 'ai-asistant' (did you mean 'ai-assistant'?)")
      })
    #expect(
      found.contains {
        $0.contains("unknown repeating group 'data_flow' (did you mean 'data_flows'?)")
      })
  }

  @Test func vendorFileProblems() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("pia-vendors-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try """
    vendor: acme
    title: Acme
    plans:
      - {name: Acme Personal, tier: personal, terms: consumer}
      - {name: Acme Business, tier: team, terms: business}
    tiers:
      free:
        terms: {value: consumer, source: ftp://x, stated: not stated, status: verified, checked: 2026-13-01, notes: x}
      team:
        audit_logs: {value: true, source: https://acme.example/logs, stated: "May 2026", status: unverified}
        terms: {value: commercial, source: https://acme.example/terms, status: checked}
    """.write(to: folder.appendingPathComponent("acme.yaml"), atomically: true, encoding: .utf8)
    let (catalogue, diagnostics) = VendorCatalogue.load(folder: folder, displayFolder: "vendors")
    let text = diagnostics.map(\.description)
    #expect(text.contains { $0.contains("source must be a web address") })
    #expect(text.contains { $0.contains("expected checked to be a date") })
    #expect(
      text.contains { $0.contains("unknown key 'notes'") && $0.contains("did you mean 'note'?") })
    #expect(text.contains { $0.contains("tier 'free' does not state 'audit_logs'") })
    #expect(catalogue.facts(vendor: "acme", tier: "team")["audit_logs"]?.value == .bool(true))
    #expect(catalogue.facts(vendor: "acme", tier: "team")["audit_logs"]?.checked == nil)
    #expect(text.contains { $0.contains("missing required key 'stated'") })
    #expect(text.contains { $0.contains("unknown fact status 'checked'") })
    #expect(text.contains { $0.contains("plan tier 'personal' has no facts") })
    #expect(text.contains { $0.contains("expected terms to be consumer or commercial") })
  }
}
