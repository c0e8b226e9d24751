import Foundation

/// Everything a resource folder ships: the law catalogue and questionnaires,
/// loaded and validated together.
///
/// Loading never stops at the first problem; `diagnostics` holds every one.
public struct ContentCatalog: Sendable {
  public var resources: Resources
  public var law: LawCatalogue
  /// Questionnaires that loaded and validated without errors, by id.
  public var questionnaires: [Questionnaire]
  /// Risk rules (`Questionnaires/rules/`), checked against the questionnaires.
  public var rules: RuleCatalogue
  /// Vendor facts (`Questionnaires/vendors/`).
  public var vendors: VendorCatalogue
  /// Every problem found, in file order.
  public var diagnostics: [Diagnostic]
  /// The files that were read, as printed.
  public var filesChecked: [String]

  /// Loads the law catalogue and every questionnaire in the resource folder.
  public init(resources: Resources) {
    self.resources = resources
    var diagnostics: [Diagnostic] = []
    var files: [String] = []
    let (law, lawDiagnostics) = LawCatalogue.load(
      folder: resources.law, displayFolder: resources.display(resources.law))
    diagnostics += lawDiagnostics
    files += Self.yamlFiles(in: resources.law).map(resources.display)
    self.law = law
    var questionnaires: [Questionnaire] = []
    for url in Self.yamlFiles(in: resources.questionnaires) {
      files.append(resources.display(url))
      let (questionnaire, found) = Self.loadQuestionnaire(url, resources: resources, law: law)
      diagnostics += found
      if let questionnaire, !found.hasErrors {
        if questionnaires.contains(where: { $0.id == questionnaire.id }) {
          diagnostics.append(
            .error(
              "questionnaire id '\(questionnaire.id)' is used by another file too",
              at: SourceLocation(file: questionnaire.path, line: 1, column: 1)))
        } else {
          questionnaires.append(questionnaire)
        }
      }
    }
    self.questionnaires = questionnaires
    let (vendors, vendorDiagnostics) = VendorCatalogue.load(
      folder: resources.vendors, displayFolder: resources.display(resources.vendors))
    let (rules, ruleDiagnostics) = RuleCatalogue.load(
      folder: resources.rules, displayFolder: resources.display(resources.rules))
    diagnostics += vendorDiagnostics + ruleDiagnostics
    diagnostics += RuleValidator(
      law: law, questionnaires: questionnaires, vendorFacts: vendors.factNames
    ).validate(rules.rules)
    files += Self.yamlFiles(in: resources.vendors).map(resources.display)
    files += Self.yamlFiles(in: resources.rules).map(resources.display)
    self.vendors = vendors
    self.rules = rules
    self.diagnostics = diagnostics
    self.filesChecked = files
  }

  /// The questionnaire with this id.
  public func questionnaire(_ id: String) -> Questionnaire? {
    questionnaires.first { $0.id == id }
  }

  /// Loads and validates one questionnaire file against `law`.
  public static func loadQuestionnaire(_ url: URL, resources: Resources, law: LawCatalogue)
    -> (Questionnaire?, [Diagnostic])
  {
    let loader = QuestionnaireLoader(root: resources.questionnaires)
    var (questionnaire, diagnostics) = loader.load(url, path: resources.display(url))
    if let questionnaire {
      diagnostics += QuestionnaireValidator(law: law).validate(questionnaire)
    }
    return (questionnaire, diagnostics.sortedByLocation())
  }

  /// The `*.yaml` files directly in `folder`, sorted by name.
  public static func yamlFiles(in folder: URL) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
      .map { folder.appendingPathComponent($0) }
  }
}
