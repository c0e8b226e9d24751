import Crypto
import Foundation

/// One output of `pia render`: a file name inside the output folder and its bytes.
public struct RenderedFile: Sendable, Hashable {
  /// The file name, e.g. `safe-admin-pilot.pia-report.md`; never contains `/`.
  public var name: String
  /// The file's bytes: UTF-8 Markdown, a zipped DOCX, a PDF or an SVG diagram.
  public var data: Data

  /// A file named `name` holding `data`.
  public init(name: String, data: Data) {
    self.name = name
    self.data = data
  }
}

/// Who a document is for: the full version (the default), or the public
/// version for posting or an open agenda, which leaves out the questions and
/// questionnaire sections marked `internal: true` (security configuration,
/// the privacy lead's advice) and what templates wrap in
/// `{{#audience.full}}…{{/audience.full}}`.
public enum ReportAudience: String, Sendable, Hashable, CaseIterable {
  /// Everything: for the head, the privacy office and the record.
  case full
  /// Without internal detail; written as `NAME.public.TEMPLATE.md|docx|pdf`.
  case `public`

  /// The part of an output name after the base name: "" or ".public".
  public var nameInfix: String { self == .full ? "" : ".public" }
}

/// An assessment → score → report model → templates → Markdown (and DOCX),
/// all in memory: the caller reads the answers file and writes the files
/// returned. A template's `<!-- pia:data-flow-diagram -->` (``DiagramDirective``) becomes an
/// image link to `NAME.data-flows.svg`, returned beside the Markdown; the DOCX embeds the
/// picture itself.
public struct ReportRenderer: Sendable {
  /// Which formats to write.
  public enum Format: String, Sendable, CaseIterable {
    /// Markdown only.
    case md
    /// DOCX only.
    case docx
    /// Markdown and DOCX.
    case all
  }

  /// The content: templates, law, rules, vendor facts, materiality rules.
  public var catalog: ContentCatalog

  /// A renderer for the catalogue's templates.
  public init(catalog: ContentCatalog) {
    self.catalog = catalog
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

  /// Renders an assessment.
  ///
  /// - Parameters:
  ///   - session: The assessment (its file, questionnaire and content).
  ///   - baseName: The start of every output name (`NAME.TEMPLATE.md`).
  ///   - templateIDs: The templates to render (all in the manifest when empty).
  ///   - format: Markdown, DOCX or both.
  ///   - date: The report date; by default the file's assessment date. Never
  ///     the clock: without one it is an error.
  ///   - audience: The full version (the default, as before this parameter
  ///     existed) or the public one (`NAME.public.TEMPLATE.md`).
  /// - Returns: The files to write, in template order; with Markdown, each data-flow diagram's
  ///   SVG (`NAME.data-flows.svg`, `NAME.data-flows-simplified.svg`) after the first
  ///   Markdown that refers to it.
  /// - Throws: `DiagnosticsError` with every problem (an unknown template, no
  ///   assessment date, a template that fails to render, a diagram Graphviz cannot draw).
  public func render(
    _ session: AssessmentSession, baseName: String, templateIDs: [String], format: Format,
    date: CalendarDate?, audience: ReportAudience = .full
  ) throws(DiagnosticsError) -> [RenderedFile] {
    let templates = catalog.templates
    let known = templates.manifest.entries.map(\.id)
    var problems: [Diagnostic] = []
    for id in templateIDs where !known.contains(id) {
      problems.append(
        .error(
          "unknown template '\(id)'\(Spelling.didYouMean(id, among: known)) (templates: "
            + "\(known.joined(separator: ", ")))", at: nil))
    }
    if !problems.isEmpty { throw DiagnosticsError(problems) }
    let reportDate: CalendarDate
    do {
      reportDate = try session.assessmentDate(override: date)
    } catch {
      throw DiagnosticsError([.error("'\(baseName)': \(error.message)", at: nil)])
    }
    let file = session.file
    let engine = session.engine
    let questionnaire = session.questionnaire
    // Scored with the head's recorded acceptance of the residual risk (if any) applied.
    let assessment = session.assessment(asOf: reportDate)
    let ids = templateIDs.isEmpty ? known : templateIDs
    // The drawings the templates may place are drawn while the Markdown renders: Graphviz
    // needs only the answers, and the model's steps before the templates use one core.
    let likely = likelyVariants(ids)
    let drawings = Background { [questionnaire, file] in
      let diagram = DataFlowDiagram(questionnaire: questionnaire, file: file)
      var drawn: [DataFlowDiagram.Variant: Result<DiagramImage, Graphviz.Failure>] = [:]
      for variant in DataFlowDiagram.Variant.allCases where likely.contains(variant) {
        drawn[variant] = Result { () throws(Graphviz.Failure) in try diagram.draw(variant) }
      }
      return drawn
    }
    // All Markdown first, so the model and its template value are gone before the DOCX
    // files are built (the step that needs the most memory).
    let (markdowns, info, hash, renderProblems) = renderMarkdown(
      ids, file: file, engine: engine, assessment: assessment, date: reportDate,
      audience: audience)
    problems += renderProblems
    let drawn = drawings.value
    // A drawing is used only when a template places it (every placed one was started: the
    // directives come from the templates' own text).
    let variants = Set(markdowns.flatMap(\.variants))
    var pictures: [DataFlowDiagram.Variant: DiagramImage] = [:]
    for variant in DataFlowDiagram.Variant.allCases where variants.contains(variant) {
      let drawing =
        drawn[variant]
        ?? Result { () throws(Graphviz.Failure) in
          try DataFlowDiagram(questionnaire: questionnaire, file: file).draw(variant)
        }
      switch drawing {
      case .success(let picture): pictures[variant] = picture
      case .failure(let error):
        problems.append(.error("cannot draw the data-flow diagram: \(error.message)", at: nil))
      }
    }
    if problems.hasErrors { throw DiagnosticsError(problems) }
    let links = Dictionary(
      uniqueKeysWithValues: pictures.map { variant, picture in
        (
          variant,
          (
            target: DiagramDirective.linkTarget(
              DiagramDirective.fileName(baseName: baseName, variant: variant)),
            altText: picture.altText
          )
        )
      })
    let images = ImageSource.inMemory(
      Dictionary(
        uniqueKeysWithValues: pictures.map { variant, picture in
          (
            links[variant]?.target ?? "",
            ImageData(bytes: picture.svg, format: .svg, pngFallback: picture.png)
          )
        }))
    var files: [RenderedFile] = []
    var written: Set<DataFlowDiagram.Variant> = []
    let footer =
      "\(questionnaire.id) v\(questionnaire.version) · answers "
      + (hash ?? questionnaire.signedAnswersHash(file.answers)).short
    for (templateID, text, placed) in markdowns {
      let markdown = Data(DiagramDirective.expand(text, images: links).utf8)
      if format != .docx {
        files.append(
          RenderedFile(
            name: "\(baseName)\(audience.nameInfix).\(templateID).md", data: markdown))
        // Each SVG once, after the first Markdown that refers to it.
        for variant in placed where written.insert(variant).inserted {
          guard let picture = pictures[variant] else { continue }
          files.append(
            RenderedFile(
              name: DiagramDirective.fileName(baseName: baseName, variant: variant),
              data: picture.svg))
        }
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
        let docx = try DocxWriter.write(document, options: options, images: images)
        problems += docx.warnings
        files.append(
          RenderedFile(
            name: "\(baseName)\(audience.nameInfix).\(templateID).docx", data: docx.data))
      } catch {
        problems.append(.error("cannot write the DOCX for '\(templateID)': \(error)", at: nil))
      }
    }
    if problems.hasErrors { throw DiagnosticsError(problems) }
    return files
  }

  /// The drawings the templates `ids` may place: those their directives name, wherever they
  /// sit (a section may leave one out; the Markdown decides).
  private func likelyVariants(_ ids: [String]) -> Set<DataFlowDiagram.Variant> {
    var variants: Set<DataFlowDiagram.Variant> = []
    for id in ids {
      guard let template = catalog.templates.templates[id],
        let placements = try? DiagramDirective.placements(in: template.source, file: template.path)
      else { continue }
      variants.formUnion(placements.map(\.variant))
    }
    return variants
  }

  /// Builds the report model and renders each template to Markdown, converting the model to a
  /// template value once for all of them; with each, the diagrams its directives place.
  private func renderMarkdown(
    _ ids: [String], file: AssessmentFile, engine: RiskEngine, assessment: Assessment,
    date: CalendarDate, audience: ReportAudience
  ) -> (
    [(id: String, markdown: String, variants: [DataFlowDiagram.Variant])],
    ReportModel.DocumentControl, AnswersHash?, [Diagnostic]
  ) {
    var model = ReportModel(
      questionnaire: engine.questionnaire, answers: file, assessment: assessment,
      law: catalog.law, vendorFacts: vendorFacts(for: file), date: date, audience: audience)
    if let changes = changesSincePreviousVersion(file, engine: engine, date: date) {
      model.applyChanges(changes)
    }
    let value = model.templateValue(law: catalog.law)
    var markdowns: [(id: String, markdown: String, variants: [DataFlowDiagram.Variant])] = []
    var problems: [Diagnostic] = []
    for templateID in ids {
      do {
        let markdown = try catalog.templates.render(templateID, value: value, law: catalog.law)
        let path = catalog.templates.templates[templateID]?.path ?? templateID
        let placed = try DiagramDirective.placements(in: markdown, file: path).map(\.variant)
        var variants: [DataFlowDiagram.Variant] = []
        for variant in placed where !variants.contains(variant) { variants.append(variant) }
        markdowns.append((templateID, markdown, variants))
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
        value: fact.value.plainDescription.replacingOccurrences(of: "_", with: " "),
        source: fact.source, checked: fact.checked, stated: fact.stated,
        verified: !fact.uncertain)
    }
  }
}
