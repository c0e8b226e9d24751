import Crypto
import Foundation

/// One output of `pia render`: a file name inside the output folder and its bytes.
public struct RenderedFile: Sendable, Hashable {
  public var name: String
  public var data: Data

  public init(name: String, data: Data) {
    self.name = name
    self.data = data
  }
}

/// Answers file → score → report model → templates → Markdown (and DOCX).
public struct ReportRenderer: Sendable {
  public enum Format: String, Sendable, CaseIterable {
    case md
    case docx
    case all
  }

  public var catalog: ContentCatalog
  public var templates: ReportTemplates

  public init(catalog: ContentCatalog, templates: ReportTemplates) {
    self.catalog = catalog
    self.templates = templates
  }

  /// The base name of outputs for an answers file: `safe-admin-pilot.pia.yaml` → `safe-admin-pilot`.
  public static func baseName(ofAnswers path: String) -> String {
    var name = (path as NSString).lastPathComponent
    for suffix in [".pia.yaml", ".pia.yml", ".yaml", ".yml"] where name.hasSuffix(suffix) {
      name.removeLast(suffix.count)
      break
    }
    return name.isEmpty ? "answers" : name
  }

  /// Renders the answers file at `url`.
  ///
  /// - Parameters:
  ///   - url: The answers file.
  ///   - path: Its path as the user wrote it.
  ///   - templateIDs: The templates to render (all in the manifest when empty).
  ///   - format: Markdown, DOCX or both.
  ///   - date: The report date; by default the file's `assessment_date` answer,
  ///     then its `started` date. Never the clock: with none of these it is an error.
  /// - Returns: The files to write, or the diagnostics that stopped rendering.
  public func render(
    answersAt url: URL, path: String, templateIDs: [String], format: Format, date: CalendarDate?
  ) -> ([RenderedFile], [Diagnostic]) {
    let (id, idDiagnostics) = Scorer.questionnaireID(url, path: path)
    guard let id else { return ([], idDiagnostics) }
    let scorer = Scorer(catalog: catalog)
    guard let engine = scorer.engine(for: id) else {
      return (
        [],
        [
          .error(
            "'\(path)' answers questionnaire '\(id)', which is not in the resource folder", at: nil)
        ]
      )
    }
    let questionnaire = engine.questionnaire
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      return ([], [.error(FileErrors.describe(error, path: path), at: nil)])
    }
    let (loaded, diagnostics) = AssessmentFile.load(
      data: data, path: path, questionnaire: questionnaire,
      options: .init(acceptsOtherVersion: true))
    guard let file = loaded, !diagnostics.hasErrors else { return ([], diagnostics) }
    var reportDate = date
    if reportDate == nil, case .date(let answered)? = file.answers["assessment_date"] {
      reportDate = answered
    }
    guard let reportDate = reportDate ?? file.assessment.started else {
      return (
        [],
        diagnostics + [.error("'\(path)' has no assessment date; pass --date YYYY-MM-DD", at: nil)]
      )
    }
    let assessment = engine.assess(
      answers: file.answers, asOf: reportDate, staleAfterDays: RiskEngine.defaultStaleAfterDays)
    let ids = templateIDs.isEmpty ? templates.manifest.entries.map(\.id) : templateIDs
    // All Markdown first, so the model and its template value are gone before the DOCX
    // files are built (the step that needs the most memory).
    let (markdowns, info, hash, problems) = renderMarkdown(
      ids, file: file, engine: engine, assessment: assessment, date: reportDate)
    let base = Self.baseName(ofAnswers: path)
    var files: [RenderedFile] = []
    var allProblems = diagnostics + problems
    let footer =
      "\(questionnaire.id) v\(questionnaire.version) · answers "
      + (hash ?? AnswersHash(file.answers)).short
    for (templateID, markdown) in markdowns {
      if format != .docx {
        files.append(RenderedFile(name: "\(base).\(templateID).md", data: markdown))
      }
      guard format != .md else { continue }
      do {
        let document = try markdown.withUnsafeBytes { try MarkdownParser.parse(utf8: $0) }
        let day = Date(timeIntervalSince1970: TimeInterval(reportDate.daysSinceEpoch) * 86_400)
        // The title is the document's first level-1 heading, as `pia convert` does.
        let title = document.headings.first { $0.level == 1 }?.text ?? info.title
        let options = DocxWriter.Options(
          title: title, subject: info.title, creator: info.institution,
          created: day, modified: day, status: info.status, headerText: info.title,
          footerText: footer)
        files.append(
          RenderedFile(
            name: "\(base).\(templateID).docx",
            data: try DocxWriter.write(document, options: options)))
      } catch {
        allProblems.append(.error("cannot write the DOCX for '\(templateID)': \(error)", at: nil))
      }
    }
    return (files, allProblems)
  }

  /// Builds the report model and renders each template to Markdown (UTF-8), converting the
  /// model to a template value once for all of them.
  private func renderMarkdown(
    _ ids: [String], file: AssessmentFile, engine: RiskEngine, assessment: Assessment,
    date: CalendarDate
  ) -> (
    [(id: String, markdown: Data)], ReportModel.DocumentControl, AnswersHash?, [Diagnostic]
  ) {
    var model = ReportModel(
      questionnaire: engine.questionnaire, answers: file, assessment: assessment,
      law: catalog.law, vendorFacts: vendorFacts(for: file), date: date)
    if let changes = changesSincePreviousVersion(file, engine: engine, date: date) {
      model.applyChanges(changes)
    }
    let value = model.templateValue(law: catalog.law)
    var markdowns: [(id: String, markdown: Data)] = []
    var problems: [Diagnostic] = []
    for templateID in ids {
      do {
        let markdown = try templates.render(templateID, value: value, law: catalog.law)
        markdowns.append((templateID, Data(markdown.utf8)))
      } catch {
        problems += error.diagnostics
      }
    }
    return (markdowns, model.document, model.answersHash, problems)
  }

  /// The vendor catalogue's facts for the file's vendor and plan tier, by fact name.
  func vendorFacts(for file: AssessmentFile) -> [ReportVendorFact] {
    guard case .choice(let vendor)? = file.answers["ai_vendor"],
      case .choice(let tier)? = file.answers["plan_tier"]
    else { return [] }
    return catalog.vendors.facts(vendor: vendor, tier: tier).sorted { $0.key < $1.key }.map {
      name, fact in
      ReportVendorFact(
        fact: name.replacingOccurrences(of: "_", with: " ").capitalizedFirst,
        value: fact.value.plainDescription.replacingOccurrences(of: "_", with: " ")
          + (fact.uncertain ? " (unverified)" : ""),
        source: fact.source, checked: fact.checked)
    }
  }
}
