import Foundation
import Testing

@testable import PIAKit

/// Advice written for one vendor never reaches another: rules and prompts are
/// vendor-neutral, and product-specific steps come only from the vendor file
/// of the vendor answered.
@Suite struct VendorNeutralityTests {
  /// Every vendor's product names, from the shipped vendor files.
  static let products: [String: [String]] = Dictionary(
    uniqueKeysWithValues: ReportFixtures.catalog.vendors.vendors.map { ($0.id, $0.products) })

  /// The product names of vendors other than `vendor` found in `text`, as words.
  static func otherProducts(in text: String, vendor: String) -> [String] {
    let own = Set(products[vendor] ?? [])
    var found: Set<String> = []
    for (id, names) in products where id != vendor {
      for name in names where !own.contains(name) {
        let pattern = "\\b" + NSRegularExpression.escapedPattern(for: name) + "\\b"
        if text.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil {
          found.insert(name)
        }
      }
    }
    return found.sorted()
  }

  func render(_ url: URL, format: ReportRenderer.Format) throws -> [RenderedFile] {
    let session = try Fixtures.session(url, content: ReportFixtures.catalog)
    return try ReportRenderer(catalog: ReportFixtures.catalog).render(
      session, baseName: ReportRenderer.baseName(ofAnswers: url.lastPathComponent),
      templateIDs: [], format: format, date: nil)
  }

  /// A Copilot and a ChatGPT assessment, every document, Markdown and the DOCX
  /// text: no other vendor's product anywhere.
  @Test(arguments: [
    ("Examples/records-system-deployment.pia.yaml", "microsoft"),
    ("Examples/personal-account-pilot.pia.yaml", "openai"),
    ("Tests/PIAKitTests/Fixtures/published/surf-m365-copilot-2024.pia.yaml", "microsoft"),
  ])
  func renderingNamesNoOtherVendorsProduct(path: String, vendor: String) throws {
    let files = try render(RepositoryPaths.root.appendingPathComponent(path), format: .all)
    #expect(!files.isEmpty)
    for file in files {
      var text = String(decoding: file.data, as: UTF8.self)
      if file.name.hasSuffix(".docx") {
        text = [
          "word/document.xml", "docProps/core.xml", "word/header1.xml", "word/footer1.xml",
        ].compactMap { try? DocxFixture.part($0, of: file.data) }
          .map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        #expect(text.contains("w:body"))
      }
      let found = Self.otherProducts(in: text, vendor: vendor)
      #expect(found.isEmpty, "\(file.name) names \(found)")
    }
  }

  /// The same answers scored for each vendor: the vendor's own steps appear,
  /// and no other vendor's.
  @Test(arguments: ["anthropic", "microsoft", "openai", "google"])
  func scoreTextNamesOnlyTheVendorAnswered(vendor: String) throws {
    let answers = RiskFixtures.safePilot.with([
      "ai_vendor": .choice(vendor), "plan_tier": .choice("pro"),
      "consumer_training_opt_out": .bool(false), "telemetry_monitoring": .bool(false),
      "agent_mode": .choice("enabled_by_default"), "ai_retention_class_assigned": .bool(false),
      "personal_information": .choice("identifiable"), "vendor_retention_matches": .bool(false),
    ])
    let assessment = RiskFixtures.assess(answers)
    let text = assessment.text(law: ReportFixtures.law)
    #expect(Self.otherProducts(in: text, vendor: vendor).isEmpty, "\(text)")
    let steps = assessment.actions.compactMap(\.vendorStep)
    #expect(!steps.isEmpty, "no vendor step for \(vendor)")
  }

  /// Prompts, help and choice labels name no single vendor's product as "the"
  /// example (the vendor question's own choices excepted).
  @Test(arguments: ["ai-assistant", "mfippa-pia"])
  func questionsAreVendorNeutral(questionnaire id: String) throws {
    let questionnaire = try #require(ReportFixtures.catalog.questionnaire(id))
    let names = Self.products.values.flatMap { $0 }
    var questions = questionnaire.questions
    questions += questions.flatMap(\.fields)
    for question in questions where question.id != RiskEngine.vendorQuestion {
      let text =
        ([question.prompt, question.help ?? ""] + question.choices.map(\.label)).joined(
          separator: " ")
      let found = names.filter {
        text.range(
          of: "\\b" + NSRegularExpression.escapedPattern(for: $0) + "\\b",
          options: .regularExpression) != nil
      }
      #expect(found.isEmpty, "\(question.id) names \(found)")
    }
  }

  /// Rule titles, harms and mitigation titles are vendor-neutral.
  @Test func rulesAreVendorNeutral() {
    let names = Self.products.values.flatMap { $0 }
    for rule in ReportFixtures.catalog.rules.rules {
      let text = ([rule.title, rule.harm, rule.affected] + rule.mitigations.map(\.title)).joined(
        separator: " ")
      let found = names.filter {
        text.range(
          of: "\\b" + NSRegularExpression.escapedPattern(for: $0) + "\\b",
          options: .regularExpression) != nil
      }
      #expect(found.isEmpty, "\(rule.id) names \(found)")
    }
  }
}
