import Foundation
import Yams

/// The list of report templates in `Templates/templates.yaml`.
public struct TemplateManifest: Sendable, Hashable {
  /// One template: a Mustache file that renders Markdown.
  public struct Entry: Sendable, Hashable {
    /// The template's id (`pia-report`, `council-report`, …), used in output names and in
    /// `--template`.
    public var id: String
    /// The Mustache file's name inside `Templates/`, without a folder.
    public var file: String
    /// The document's title as the manifest gives it.
    public var title: String
    /// The template's own version, as the manifest gives it (`version: 1`).
    public var version: Int
    /// What the template is for, one sentence; `nil` when the manifest gives none.
    public var description: String?
    /// Where the entry starts in `templates.yaml`, for diagnostics.
    public var location: SourceLocation
  }

  /// The templates listed, in the manifest's order.
  public var entries: [Entry]

  /// A manifest listing `entries`.
  public init(entries: [Entry]) {
    self.entries = entries
  }

  /// The manifest's file name inside `Templates/`.
  public static let fileName = "templates.yaml"

  /// The entry with this id.
  public func entry(_ id: String) -> Entry? { entries.first { $0.id == id } }

  /// Loads the manifest; a missing manifest is an error naming the path.
  static func load(resources: Resources) -> (TemplateManifest, [Diagnostic]) {
    let url = resources.templates.appendingPathComponent(fileName)
    let shown = resources.display(url)
    guard FileManager.default.fileExists(atPath: url.path) else {
      return (
        TemplateManifest(entries: []),
        [
          .error(
            "template manifest is missing", at: SourceLocation(file: shown, line: 0, column: 0))
        ]
      )
    }
    let document: YAMLDocument
    do {
      document = try YAMLDocument(contentsOf: url, path: shown)
    } catch {
      return (TemplateManifest(entries: []), error.diagnostics)
    }
    var reader = YAMLReader(path: shown)
    var entries: [Entry] = []
    if let root = document.root,
      let top = reader.mapping(
        root, "the template manifest", keys: ["templates"], required: ["templates"]),
      let items = top["templates"].flatMap({ reader.sequence($0, "templates") })
    {
      for item in items {
        guard
          let mapping = reader.mapping(
            item, "a template entry", keys: ["id", "file", "title", "version", "description"],
            required: ["id", "file", "title", "version"])
        else { continue }
        let id = mapping["id"].flatMap { reader.identifier($0, "template id") }
        let file = mapping["file"].flatMap { reader.string($0, "file") }
        let title = mapping["title"].flatMap { reader.string($0, "title") }
        let version = mapping["version"].flatMap { reader.integer($0, "version") }
        let description = mapping["description"].flatMap { reader.string($0, "description") }
        guard let id, let file, let title, let version else { continue }
        if entries.contains(where: { $0.id == id }) {
          reader.error("duplicate template id '\(id)'", at: item)
          continue
        }
        if file.contains("/")
          || !FileManager.default.fileExists(
            atPath: resources.templates.appendingPathComponent(file).path)
        {
          reader.error(
            "template file '\(file)' does not exist in \(resources.display(resources.templates))",
            at: mapping["file"] ?? item)
        }
        entries.append(
          Entry(
            id: id, file: file, title: title, version: version, description: description,
            location: reader.location(of: item)))
      }
    } else if document.root == nil {
      reader.diagnostics.append(.error("file is empty", at: YAMLDocument.start(shown)))
    }
    return (TemplateManifest(entries: entries), reader.diagnostics)
  }
}
