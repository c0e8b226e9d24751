import Foundation
import PIAKit
import Testing

@Suite struct QuestionnaireLoaderTests {
  let resources = RepositoryPaths.fixtureResources("questionnaire/resources")

  func loadDemo() throws -> (Questionnaire, [Diagnostic]) {
    let catalog = ContentCatalog(resources: resources)
    let questionnaire = try #require(catalog.questionnaire("demo"))
    return (questionnaire, catalog.diagnostics)
  }

  @Test func loadsAValidQuestionnaireWithItsModule() throws {
    let (questionnaire, diagnostics) = try loadDemo()
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    #expect(questionnaire.version == 2)
    #expect(questionnaire.sections.map(\.id) == ["start", "tool", "flows"])
    #expect(
      questionnaire.questions.map(\.id) == [
        "title", "uses_tool", "people", "plan_tier", "training_opt_out", "tasks", "data_flows",
        "review_date",
      ])
    let tier = try #require(questionnaire.question("plan_tier"))
    #expect(tier.kind == .choice)
    #expect(tier.required)
    #expect(tier.choices.map(\.risk) == [3, 1, 0])
    #expect(
      tier.location.file
        == "Tests/PIAKitTests/Fixtures/questionnaire/resources/Questionnaires/modules/tool.yaml")
    #expect(questionnaire.question("uses_tool")?.defaultValue == .bool(true))
    #expect(questionnaire.question("training_opt_out")?.saferAnswer == true)
    let flows = try #require(questionnaire.question("data_flows"))
    #expect(flows.itemName == "data flow")
    #expect(flows.fields.map(\.id) == ["element", "authority", "authority_detail"])
  }

  @Test func visibilityFollowsSectionAndQuestionConditions() throws {
    let (questionnaire, _) = try loadDemo()
    var answers: [String: AnswerValue] = ["uses_tool": .bool(false)]
    #expect(!questionnaire.visibleQuestions(answers: answers).map(\.id).contains("plan_tier"))
    answers["uses_tool"] = .bool(true)
    answers["plan_tier"] = .choice("team")
    var visible = questionnaire.visibleQuestions(answers: answers).map(\.id)
    #expect(visible.contains("plan_tier"))
    #expect(!visible.contains("training_opt_out"))
    #expect(!visible.contains("review_date"))
    answers["plan_tier"] = .choice("free")
    answers["tasks"] = .choices(["casework"])
    visible = questionnaire.visibleQuestions(answers: answers).map(\.id)
    #expect(visible.contains("training_opt_out"))
    #expect(visible.contains("review_date"))
  }

  @Test func lawCatalogueAppliesRegimesByDate() throws {
    let catalog = ContentCatalog(resources: resources)
    #expect(catalog.law.cite("mfippa-s28-2") == "MFIPPA s. 28(2)")
    #expect(catalog.law.cite("mfippa-s33") == "MFIPPA s. 33 (verify on e-Laws)")
    let date = try #require(CalendarDate("2026-11-25"))
    #expect(catalog.law.regimesApplied(on: date).map(\.id) == ["current"])
    #expect(catalog.law.regimesPending(on: date).map(\.id) == ["amendments"])
  }

  /// Each deliberately broken fixture and the exact message it must produce,
  /// from `broken/expected-messages.tsv`.
  static let brokenCases: [(String, String)] = {
    let url = RepositoryPaths.fixtures.appendingPathComponent(
      "questionnaire/broken/expected-messages.tsv")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
      let parts = line.split(separator: "\t", maxSplits: 1)
      return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
    }
  }()

  @Test func everyBrokenFixtureHasAnExpectedMessage() throws {
    let folder = RepositoryPaths.fixtures.appendingPathComponent("questionnaire/broken")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
    let covered = Set(Self.brokenCases.map(\.0))
      .union(["include-escapes", "include-cycle"])
    #expect(Set(files) == covered)
    #expect(Self.brokenCases.count >= 20)
  }

  @Test(arguments: brokenCases)
  func brokenFixtureGivesItsExactMessage(_ name: String, _ expected: String) {
    let path = "Tests/PIAKitTests/Fixtures/questionnaire/broken/\(name).yaml"
    let report = ContentValidator(resources: resources).validate(
      files: [(RepositoryPaths.root.appendingPathComponent(path), path)])
    #expect(report.diagnostics.map(\.description) == ["\(path):\(expected)"])
  }

  @Test func includesThatEscapeOrLoopAreRefused() {
    let base = "Tests/PIAKitTests/Fixtures/questionnaire/broken/"
    let validator = ContentValidator(resources: resources)
    let escape = validator.validate(
      files: [
        (
          RepositoryPaths.root.appendingPathComponent(base + "include-escapes.yaml"),
          base + "include-escapes.yaml"
        )
      ])
    #expect(escape.diagnostics.count == 1)
    #expect(
      escape.diagnostics.first?.message.contains("leads outside the questionnaires folder") == true)
    let loop = validator.validate(
      files: [
        (
          RepositoryPaths.root.appendingPathComponent(base + "include-cycle.yaml"),
          base + "include-cycle.yaml"
        )
      ])
    #expect(
      loop.diagnostics.map(\.description) == [
        base
          + "modules/loop.yaml:3:14: error: include 'loop.yaml' includes itself (an include cycle)"
      ])
  }

  @Test func shippedContentValidates() {
    let report = ContentValidator(resources: RepositoryPaths.shipped).validateAll()
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description))")
    let catalog = ContentCatalog(resources: RepositoryPaths.shipped)
    #expect(Set(catalog.questionnaires.map(\.id)).isSuperset(of: ["ai-assistant", "mfippa-pia"]))
  }

  @Test func shippedAIQuestionnaireKeepsItsContractIDs() throws {
    let catalog = ContentCatalog(resources: RepositoryPaths.shipped)
    let questionnaire = try #require(catalog.questionnaire("ai-assistant"))
    let contract: [String: [String]] = [
      "ai_vendor": ["anthropic", "openai", "microsoft", "google", "other"],
      "plan_tier": ["free", "pro", "max", "team", "enterprise"],
      "ai_tasks": [
        "council_reports", "policies_bylaws", "public_notices", "grant_applications",
        "records_foi_prep", "resident_casework",
      ],
      "access_scope": [
        "admin_folder", "shared_drive", "records_system", "property_system", "whole_device",
      ],
      "personal_information": ["none", "deidentified", "identifiable"],
      "sensitive_categories": [
        "health", "financial", "minors", "law_enforcement", "social_services",
      ],
      "pilot_users": ["named_admin_pilot", "department", "all_staff"],
      "local_history_handling": [
        "not_addressed", "retention_rule_applied", "exported_to_records_system",
      ],
    ]
    // Ids are a public contract: none may go; new ones may be added.
    for (id, choices) in contract {
      let question = try #require(questionnaire.question(id), "\(id)")
      #expect(Set(question.choices.map(\.id)).isSuperset(of: choices), "\(id)")
    }
    for id in [
      "consumer_training_opt_out", "foi_records_in_scope", "ask_before_acting",
      "telemetry_monitoring", "ai_use_policy", "output_signoff",
    ] {
      #expect(questionnaire.question(id)?.kind == .yesNo, "\(id)")
    }
    #expect(questionnaire.question("ai_product")?.kind == .text)
    #expect(questionnaire.question("data_flows")?.kind == .group)
    let optOut = try #require(questionnaire.question("consumer_training_opt_out"))
    let environment = { (tier: String) in AnswerEnvironment(answers: ["plan_tier": .choice(tier)]) }
    #expect(optOut.showIf?.evaluate(in: environment("pro")) == true)
    #expect(optOut.showIf?.evaluate(in: environment("team")) == false)
  }
}
