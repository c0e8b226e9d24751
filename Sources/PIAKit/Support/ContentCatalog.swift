import Foundation

/// Everything a resource folder ships — the law catalogue, questionnaires,
/// risk rules, vendor facts, materiality rules and report templates —
/// loaded together and checked once.
///
/// Loading never stops at the first problem; `diagnostics` holds every one.
/// Commands refuse to score or render while any is an error.
public struct ContentCatalog: Sendable {
  /// The folder the content was read from; `nil` for content built in memory.
  public var resources: Resources?
  /// The law catalogue (`Questionnaires/law/`).
  public var law: LawCatalogue
  /// Questionnaires that loaded and validated without errors, by id.
  public var questionnaires: [Questionnaire]
  /// Risk rules (`Questionnaires/rules/`), checked against the questionnaires.
  public var rules: RuleCatalogue
  /// Vendor facts (`Questionnaires/vendors/`).
  public var vendors: VendorCatalogue
  /// Materiality rules (`Questionnaires/materiality/`), checked against the questionnaires.
  public var materiality: MaterialityRules
  /// Report templates (`Templates/`), parsed and checked against the report model.
  public var templates: ReportTemplates
  /// Every problem found, in file order.
  public var diagnostics: [Diagnostic]
  /// The files that were read, as printed, with their kind ("questionnaire",
  /// "law file", "rule file", "vendor file", "materiality file", "template
  /// manifest", "template").
  public var filesChecked: [(kind: String, path: String)]

  /// Content built in memory (tests, tools); nothing is checked.
  public init(
    law: LawCatalogue = LawCatalogue(), questionnaires: [Questionnaire],
    rules: RuleCatalogue = RuleCatalogue(), vendors: VendorCatalogue = VendorCatalogue(),
    materiality: MaterialityRules = MaterialityRules(rules: []),
    templates: ReportTemplates = ReportTemplates(
      manifest: TemplateManifest(entries: []), templates: [:])
  ) {
    self.resources = nil
    self.law = law
    self.questionnaires = questionnaires
    self.rules = rules
    self.vendors = vendors
    self.materiality = materiality
    self.templates = templates
    self.diagnostics = []
    self.filesChecked = []
  }

  /// Loads and checks everything in the resource folder.
  public init(resources: Resources) {
    self.resources = resources
    // Two lanes of about equal cost run at once: the law and the questionnaires (which cite
    // it), and the vendor facts, rules and templates (which need nothing else to parse).
    // The checks across them follow, in one lane.
    let (first, second) = concurrently(
      { Self.loadLawAndQuestionnaires(resources: resources) },
      {
        (
          vendors: VendorCatalogue.load(
            folder: resources.vendors, displayFolder: resources.display(resources.vendors)),
          rules: RuleCatalogue.load(
            folder: resources.rules, displayFolder: resources.display(resources.rules)),
          templates: ReportTemplates.load(resources: resources)
        )
      })
    let (law, questionnaires) = (first.law, first.questionnaires)
    let (vendors, vendorDiagnostics) = second.vendors
    let (rules, ruleDiagnostics) = second.rules
    let (templates, templateDiagnostics) = second.templates
    var diagnostics = first.diagnostics
    var files = first.files
    self.law = law
    self.questionnaires = questionnaires
    diagnostics += vendorDiagnostics + ruleDiagnostics
    // The checks across them, in two lanes again: the rules against the questionnaires, and
    // the materiality rules and templates against the questionnaires and the law.
    let (crossChecks, (materialityLoad, templateChecks)) = concurrently(
      {
        RuleValidator(law: law, questionnaires: questionnaires, vendorFacts: vendors.factNames)
          .validate(rules.rules) + QuestionBindings.check(questionnaires)
          + Self.checkVendorAdvice(vendors: vendors, rules: rules)
      },
      {
        (
          MaterialityRules.load(resources: resources, questionnaires: questionnaires),
          templates.validate(law: law)
        )
      })
    diagnostics += crossChecks
    files += Self.yamlFiles(in: resources.vendors).map { ("vendor file", resources.display($0)) }
    files += Self.yamlFiles(in: resources.rules).map { ("rule file", resources.display($0)) }
    self.vendors = vendors
    self.rules = rules
    let (materiality, materialityDiagnostics, materialityFiles) = materialityLoad
    diagnostics += materialityDiagnostics
    files += materialityFiles.map { ("materiality file", $0) }
    self.materiality = materiality
    diagnostics += templateDiagnostics
    files.append(
      (
        "template manifest",
        resources.display(resources.templates.appendingPathComponent(TemplateManifest.fileName))
      ))
    for entry in templates.manifest.entries {
      files.append(
        ("template", resources.display(resources.templates.appendingPathComponent(entry.file))))
    }
    diagnostics += templateChecks
    self.templates = templates
    self.diagnostics = diagnostics.sortedByLocation()
    self.filesChecked = files
  }

  /// A vendor's `advice:` may only name mitigation ids some rule defines.
  static func checkVendorAdvice(vendors: VendorCatalogue, rules: RuleCatalogue) -> [Diagnostic] {
    let ids = Set(rules.rules.flatMap { $0.mitigations.map(\.id) })
    var diagnostics: [Diagnostic] = []
    for vendor in vendors.vendors {
      for key in vendor.advice.keys.sorted() where !ids.contains(key) {
        diagnostics.append(
          .error(
            "advice for unknown mitigation '\(key)' in \(vendor.path)"
              + Spelling.didYouMean(key, among: ids.sorted()), at: vendor.location))
      }
    }
    return diagnostics
  }

  /// The questionnaire with this id.
  public func questionnaire(_ id: String) -> Questionnaire? {
    questionnaires.first { $0.id == id }
  }

  /// The law catalogue and every questionnaire in the folder (each checked against the law),
  /// with their problems and the files read; a questionnaire whose id another file already
  /// uses is left out with an error.
  private static func loadLawAndQuestionnaires(resources: Resources) -> (
    law: LawCatalogue, questionnaires: [Questionnaire], diagnostics: [Diagnostic],
    files: [(kind: String, path: String)]
  ) {
    var diagnostics: [Diagnostic] = []
    var files: [(kind: String, path: String)] = []
    let (law, lawDiagnostics) = LawCatalogue.load(
      folder: resources.law, displayFolder: resources.display(resources.law))
    diagnostics += lawDiagnostics
    files += Self.yamlFiles(in: resources.law).map { ("law file", resources.display($0)) }
    var questionnaires: [Questionnaire] = []
    let modules = ModuleDocuments()
    for url in Self.yamlFiles(in: resources.questionnaires) {
      files.append(("questionnaire", resources.display(url)))
      let (questionnaire, found) = Self.loadQuestionnaire(
        url, resources: resources, law: law, modules: modules)
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
    return (law, questionnaires, diagnostics, files)
  }

  /// Loads and validates one questionnaire file against `law`.
  static func loadQuestionnaire(
    _ url: URL, resources: Resources, law: LawCatalogue, modules: ModuleDocuments? = nil
  ) -> (Questionnaire?, [Diagnostic]) {
    var loader = QuestionnaireLoader(root: resources.questionnaires)
    loader.modules = modules
    var (questionnaire, diagnostics) = loader.read(url, path: resources.display(url))
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

extension ContentCatalog {
  /// The risk engine for a questionnaire id, with the catalogue's rules and
  /// vendor facts; `nil` when the catalogue has no such questionnaire.
  public func engine(for questionnaireID: String) -> RiskEngine? {
    questionnaire(questionnaireID).map {
      RiskEngine(questionnaire: $0, rules: rules.rules, vendors: vendors, law: law)
    }
  }
}
