import Foundation

/// What `pia validate` checks: every kind of shipped file, each with its own
/// loader, all reporting positioned diagnostics.
public struct ContentValidator: Sendable {
  /// The outcome of a validation run.
  public struct Report: Sendable {
    /// Every problem found, in the order found (`sortedByLocation()` orders them for printing).
    public var diagnostics: [Diagnostic]
    /// Files checked, by kind ("questionnaire", "law", …).
    public var checked: [(kind: String, path: String)]

    /// A report of `diagnostics` found in the files `checked`.
    public init(diagnostics: [Diagnostic], checked: [(kind: String, path: String)]) {
      self.diagnostics = diagnostics
      self.checked = checked
    }

    /// One line: how many files of each kind, and how many problems.
    public var summary: String {
      var kinds: [String: Int] = [:]
      var order: [String] = []
      for item in checked {
        if kinds[item.kind] == nil { order.append(item.kind) }
        kinds[item.kind, default: 0] += 1
      }
      let parts = order.map { kind in
        let count = kinds[kind] ?? 0
        return "\(count) \(kind)\(count == 1 ? "" : "s")"
      }
      let errors = diagnostics.filter { $0.severity == .error }.count
      let warnings = diagnostics.filter { $0.severity == .warning }.count
      let files = "Checked \(checked.count) file\(checked.count == 1 ? "" : "s")"
      let detail = parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"
      if errors == 0 && warnings == 0 { return "\(files)\(detail): no problems." }
      return
        "\(files)\(detail): \(errors) error\(errors == 1 ? "" : "s"), "
        + "\(warnings) warning\(warnings == 1 ? "" : "s")."
    }
  }

  /// The resource folder checked.
  public var resources: Resources

  /// Makes a validator for the folder.
  public init(resources: Resources) {
    self.resources = resources
  }

  /// Checks everything in the resource folder.
  public func validateAll() -> Report {
    let catalog = ContentCatalog(resources: resources)
    var diagnostics = catalog.diagnostics
    for report in coverage(catalog) { diagnostics += report.diagnostics }
    return Report(
      diagnostics: diagnostics.sortedByLocation(),
      checked: catalog.filesChecked.map { ($0.kind, $0.path) })
  }

  /// Which judgment questions the rules score, per questionnaire (what `pia
  /// validate --coverage` prints); its diagnostics are part of ``validateAll()``.
  public func coverage(_ catalog: ContentCatalog? = nil) -> [CoverageReport] {
    let catalog = catalog ?? ContentCatalog(resources: resources)
    return catalog.questionnaires.map {
      CoverageReport(questionnaire: $0, rules: catalog.rules.rules)
    }
  }

  /// Checks the given files; `path` is each file as the user wrote it.
  public func validate(files: [(url: URL, path: String)]) -> Report {
    let (law, lawDiagnostics) = LawCatalogue.load(
      folder: resources.law, displayFolder: resources.display(resources.law))
    var diagnostics: [Diagnostic] = []
    var checked: [(String, String)] = []
    for (url, path) in files {
      let standardized = url.standardizedFileURL
      guard FileManager.default.fileExists(atPath: standardized.path) else {
        diagnostics.append(.error("'\(path)' does not exist", at: nil))
        continue
      }
      if standardized.deletingLastPathComponent().path == resources.law.path {
        checked.append(("law file", path))
        diagnostics += lawDiagnostics.filter {
          $0.location?.file == resources.display(standardized)
        }
        continue
      }
      let folder = standardized.deletingLastPathComponent().path
      if folder == MaterialityRules.folder(in: resources).standardizedFileURL.path {
        checked.append(("materiality file", path))
        let questionnaires = ContentCatalog(resources: resources).questionnaires
        diagnostics +=
          MaterialityRules.load(standardized, path: path, questionnaires: questionnaires).1
        continue
      }
      if folder == resources.rules.path || folder == resources.vendors.path {
        checked.append((folder == resources.rules.path ? "rule file" : "vendor file", path))
        let shown = resources.display(standardized)
        diagnostics += ContentCatalog(resources: resources).diagnostics.filter {
          $0.location?.file == shown
        }
        continue
      }
      let insideResources = standardized.path.hasPrefix(resources.questionnaires.path + "/")
      if insideResources && Self.isModule(standardized) {
        checked.append(("module", path))
        let shown = resources.display(standardized)
        let catalog = ContentCatalog(resources: resources)
        diagnostics += catalog.diagnostics.filter { $0.location?.file == shown }
        continue
      }
      if standardized.lastPathComponent.hasSuffix(".pia.yaml") {
        checked.append(("answers file", path))
        diagnostics += Self.answersFileDiagnostics(
          standardized, path: path, content: ContentCatalog(resources: resources))
        continue
      }
      if standardized.pathExtension == "md" {
        checked.append(("template", path))
        diagnostics += ReportTemplates.validate(templateAt: standardized, path: path, law: law)
        continue
      }
      checked.append(("questionnaire", path))
      let root =
        insideResources ? resources.questionnaires : standardized.deletingLastPathComponent()
      let loader = QuestionnaireLoader(root: root)
      let (questionnaire, found) = loader.read(standardized, path: path)
      diagnostics += found
      if let questionnaire {
        diagnostics += QuestionnaireValidator(law: law).validate(questionnaire)
      }
    }
    return Report(diagnostics: diagnostics.sortedByLocation(), checked: checked)
  }

  private static func kind(ofShown path: String) -> String {
    func inFolder(_ name: String) -> Bool {
      path.contains("/\(name)/") || path.hasPrefix("\(name)/")
    }
    if inFolder("law") { return "law file" }
    if inFolder("rules") { return "rule file" }
    if inFolder("vendors") { return "vendor file" }
    return "questionnaire"
  }

  private static func isModule(_ url: URL) -> Bool {
    guard let document = try? YAMLDocument(contentsOf: url),
      case .mapping(let mapping)? = document.root
    else { return false }
    return mapping["module"] != nil
  }

  /// Problems in an answers file (`*.pia.yaml`) read against its questionnaire from `content`:
  /// its layout, unknown ids, values of the wrong kind, a history or approvals section that does
  /// not read, each at its position; a format-1 file's upgrade note as a warning.
  static func answersFileDiagnostics(_ url: URL, path: String, content: ContentCatalog)
    -> [Diagnostic]
  {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      return [.error("cannot read '\(path)': \(error.localizedDescription)", at: nil)]
    }
    do {
      return try AssessmentSession.open(data: data, path: path, content: content).warnings
    } catch {
      return error.diagnostics
    }
  }
}
