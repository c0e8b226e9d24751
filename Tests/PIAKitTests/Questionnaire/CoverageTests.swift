import Foundation
import Testing

@testable import PIAKit

/// Every yes/no, choice and multiple-choice question is scored by a rule or
/// declares `scored: false` with a `why`; `pia validate` says which do neither.
@Suite struct CoverageTests {
  static let questionnaire = """
    id: demo
    version: 1
    title: Demo
    sections:
      - id: s
        title: S
        questions:
          - id: name
            kind: text
            prompt: Name?
          - id: gate
            kind: yes_no
            prompt: Gate?
            scored: false
            why: Routing only.
          - id: safeguard
            kind: yes_no
            prompt: Safeguard?
            safer_answer: yes
          - id: forgotten
            kind: choice
            prompt: Forgotten?
            choices:
              - {id: a, label: A}
          - id: contradicted
            kind: yes_no
            prompt: Contradicted?
            safer_answer: yes
            scored: false
            why: Said not to matter.
          - id: no_safe_answer
            kind: yes_no
            prompt: No safe answer?
          - id: flows
            kind: group
            prompt: Flows?
            questions:
              - id: place
                kind: choice
                prompt: Where?
                choices:
                  - {id: here, label: Here, risk: 0}
                  - {id: there, label: There, risk: 1}
    """

  static let rules = """
    questionnaires: [demo]
    rules:
      - id: gap
        title: Gap
        when: safeguard != yes
        harm: h
        affected: a
        cites: [x]
        likelihood: likely
        severity: limited
        mitigations:
          - id: fix
            title: Fix
            in_place_when: contradicted = yes
            likelihood: -1
      - id: vague
        title: Vague
        when: no_safe_answer = yes
        harm: h
        affected: a
        cites: [x]
        likelihood: possible
        severity: limited
      - id: far
        title: Far
        for_each: flows
        when: place = there
        harm: h
        affected: a
        cites: [x]
        likelihood: possible
        severity: limited
    """

  func report() throws -> CoverageReport {
    let folder = try TemporaryDirectory()
    try Self.questionnaire.write(to: folder.file("demo.yaml"), atomically: true, encoding: .utf8)
    try Self.rules.write(to: folder.file("rules.yaml"), atomically: true, encoding: .utf8)
    let (questionnaire, problems) = QuestionnaireLoader(root: folder.url).read(
      folder.file("demo.yaml"), path: "demo.yaml")
    #expect(!problems.hasErrors, "\(problems)")
    let (rules, ruleProblems) = RuleCatalogue.loadFile(
      folder.file("rules.yaml"), path: "rules.yaml")
    #expect(!ruleProblems.hasErrors, "\(ruleProblems)")
    return CoverageReport(questionnaire: try #require(questionnaire), rules: rules)
  }

  @Test func eachJudgmentQuestionIsScoredDeclaredOrMissing() throws {
    let report = try report()
    #expect(
      report.entries.map(\.path) == [
        "gate", "safeguard", "forgotten", "contradicted", "no_safe_answer", "flows.place",
      ])
    #expect(report.scoredCount == 3)
    #expect(report.missing.map(\.path) == ["forgotten"])
    #expect(report.notScored.map(\.path) == ["gate", "contradicted"])
    #expect(!report.passes)
    let messages = report.diagnostics.map(\.description)
    #expect(
      messages.contains {
        $0.hasPrefix("demo.yaml:20:")
          && $0.contains("judgment question 'forgotten' (choice) is named by no risk rule")
      }, "\(messages)")
    #expect(
      messages.contains {
        $0.contains("'contradicted' declares 'scored: false' but rule 'gap' scores it")
      })
    #expect(
      messages.contains { $0.contains("scored question 'no_safe_answer' has no safe answer") })
    #expect(report.text.contains("missing: forgotten (demo.yaml:20:"))
    #expect(report.text.contains("not scored: gate — Routing only."))
  }

  @Test func scoredFalseNeedsWhyAndAJudgmentKind() throws {
    let folder = try TemporaryDirectory()
    try """
    id: demo
    version: 1
    title: Demo
    sections:
      - id: s
        title: S
        questions:
          - {id: a, kind: yes_no, prompt: A?, scored: false}
          - {id: b, kind: text, prompt: B?, scored: false, why: Text.}
          - {id: c, kind: yes_no, prompt: C?, why: Stray.}
    """.write(to: folder.file("demo.yaml"), atomically: true, encoding: .utf8)
    let (questionnaire, problems) = QuestionnaireLoader(root: folder.url).read(
      folder.file("demo.yaml"), path: "demo.yaml")
    let found =
      problems.map(\.description)
      + QuestionnaireValidator(law: LawCatalogue()).validate(try #require(questionnaire)).map(
        \.description)
    #expect(found.contains { $0.contains("'a' declares 'scored: false' without 'why'") })
    #expect(
      found.contains { $0.contains("'scored' applies only to yes_no, choice and multi_choice") })
    #expect(found.contains { $0.contains("'c' is scored, so remove 'why'") })
  }

  /// The shipped content: at least 85 % of each questionnaire's judgment
  /// questions scored, the rest declared, nothing missing.
  @Test func shippedQuestionnairesAreCovered() {
    let reports = ContentValidator(resources: RepositoryPaths.shipped).coverage()
    #expect(Set(reports.map(\.questionnaireID)) == ["ai-assistant", "mfippa-pia"])
    for report in reports {
      #expect(report.passes, "\(report.text)")
      #expect(report.share >= CoverageReport.minimumShare)
      #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }
  }
}
