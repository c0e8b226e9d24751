import Foundation

/// The report templates listed in `Templates/templates.yaml`, parsed once.
public struct ReportTemplates: Sendable {
  /// The parsed `Templates/templates.yaml`: every template it lists, in file order.
  public var manifest: TemplateManifest
  /// Parsed templates by id (a template that failed to parse is absent).
  public var templates: [String: ReportTemplate]

  /// A template set from a manifest and the templates parsed from it.
  public init(manifest: TemplateManifest, templates: [String: ReportTemplate]) {
    self.manifest = manifest
    self.templates = templates
  }

  /// Loads the manifest and parses every template it lists.
  static func load(resources: Resources) -> (ReportTemplates, [Diagnostic]) {
    let (manifest, manifestDiagnostics) = TemplateManifest.load(resources: resources)
    return load(manifest: manifest, resources: resources, diagnostics: manifestDiagnostics)
  }

  static func load(manifest: TemplateManifest, resources: Resources, diagnostics: [Diagnostic])
    -> (ReportTemplates, [Diagnostic])
  {
    var diagnostics = diagnostics
    var templates: [String: ReportTemplate] = [:]
    for entry in manifest.entries where !entry.file.contains("/") {
      let url = resources.templates.appendingPathComponent(entry.file)
      guard FileManager.default.fileExists(atPath: url.path) else { continue }
      do {
        templates[entry.id] = try ReportTemplate(contentsOf: url, path: resources.display(url))
      } catch {
        diagnostics += error.diagnostics
      }
    }
    return (ReportTemplates(manifest: manifest, templates: templates), diagnostics)
  }

  /// The checks `pia validate` runs on every template: unknown fields (against
  /// a fully populated sample model), then a sample rendering that must parse
  /// as Markdown with its directives, without skipped heading levels.
  public func validate(law: LawCatalogue) -> [Diagnostic] {
    let schema = ReportModel.schema(law: law)
    let value = ReportModel.sample.templateValue(law: law)
    var diagnostics: [Diagnostic] = []
    for entry in manifest.entries {
      guard let template = templates[entry.id] else { continue }
      let problems = template.check(against: schema)
      diagnostics += problems
      guard !problems.hasErrors else { continue }
      diagnostics += Self.checkOutput(of: template, value: value, schema: schema)
    }
    return diagnostics
  }

  /// Checks one template file (`pia validate Templates/x.md`).
  public static func validate(templateAt url: URL, path: String, law: LawCatalogue) -> [Diagnostic]
  {
    let template: ReportTemplate
    do {
      template = try ReportTemplate(contentsOf: url, path: path)
    } catch {
      return error.diagnostics
    }
    let schema = ReportModel.schema(law: law)
    let problems = template.check(against: schema)
    guard !problems.hasErrors else { return problems }
    return problems
      + checkOutput(of: template, value: ReportModel.sample.templateValue(law: law), schema: schema)
  }

  /// Renders `value` and checks the Markdown: it parses, and no heading skips a level.
  static func checkOutput(of template: ReportTemplate, value: TemplateValue, schema: TemplateSchema)
    -> [Diagnostic]
  {
    let file = SourceLocation(file: template.path, line: 0, column: 0)
    let markdown: String
    do {
      markdown = try template.render(value, schema: schema)
    } catch {
      return error.diagnostics
    }
    // The data-flow diagram directive becomes an image link, as `pia render` expands it.
    let placeholder = (target: "data-flows.svg", altText: "Data-flow diagram.")
    do {
      _ = try DiagramDirective.placements(in: markdown, file: template.path)
    } catch {
      return error.diagnostics
    }
    let expanded = DiagramDirective.expand(
      markdown, images: [.full: placeholder, .simplified: placeholder])
    do {
      let document = try MarkdownParser.parse(expanded)
      return DocumentChecks.headingOrderProblems(document).map {
        .error("rendered output: \($0.description)", at: file)
      }
    } catch {
      return [.error("rendered output: \(error)", at: file)]
    }
  }

  /// Renders the template `id` for `model`.
  ///
  /// - Throws: ``DiagnosticsError`` for an unknown template id or an unknown field.
  public func render(_ id: String, model: ReportModel, law: LawCatalogue) throws(DiagnosticsError)
    -> String
  {
    try render(id, value: model.templateValue(law: law), law: law)
  }

  /// Renders the template `id` for a model already converted with
  /// ``ReportModel/templateValue(law:)`` (convert once when rendering several templates).
  ///
  /// - Throws: ``DiagnosticsError`` for an unknown template id or an unknown field.
  public func render(_ id: String, value: TemplateValue, law: LawCatalogue)
    throws(DiagnosticsError) -> String
  {
    guard let template = templates[id] else {
      let ids = manifest.entries.map(\.id)
      throw DiagnosticsError([
        .error(
          "unknown template '\(id)'\(Spelling.didYouMean(id, among: ids)) (available: \(ids.joined(separator: ", ")))",
          at: nil)
      ])
    }
    return try template.render(value, schema: ReportModel.schema(law: law))
  }
}
