import Foundation
import Hummingbird
import Mustache
import PIAKit

/// The page templates of the resource folder's `Web/pages/` (Mustache, one
/// file per page, partials under `partials/`), loaded and checked once.
///
/// Values are HTML-escaped (`{{x}}`); the templates use no triple mustache.
public struct PageRenderer: Sendable {
  private let library: MustacheLibrary

  /// The pages the server renders by name; each must exist.
  public static let pageNames = [
    "layout", "error", "sign-in", "workspace", "overview", "question", "group-list",
    "group-remove", "review", "conflict", "patterns", "history", "diff",
  ]

  /// Loads every `*.mustache` under `folder` (names relative to it without the
  /// extension: `question`, `partials/field-date`).
  ///
  /// - Parameter display: The folder as printed in diagnostics.
  /// - Throws: `DiagnosticsError` listing every template that does not parse
  ///   (`path:line:col: error: …`), every missing page, and every partial
  ///   or parent named but not found.
  public static func load(folder: URL, display: String) throws(DiagnosticsError) -> PageRenderer {
    let (templates, diagnostics) = read(folder: folder, display: display, parse: true)
    if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
    return PageRenderer(library: MustacheLibrary(templates: templates))
  }

  /// What ``load(folder:display:)`` would report, found without keeping the templates: a file
  /// is parsed whole only when its short runs do not parse (``MustacheSyntax``), which is much
  /// quicker for `pia validate`.
  ///
  /// - Returns: Every problem, sorted by place; empty when the pages load.
  public static func check(folder: URL, display: String) -> [Diagnostic] {
    read(folder: folder, display: display, parse: false).diagnostics
  }

  /// The templates under `folder` (with `parse`; without it, only those whose runs did not
  /// parse) and every problem found, sorted by place.
  private static func read(folder: URL, display: String, parse: Bool) -> (
    templates: [String: MustacheTemplate], diagnostics: [Diagnostic]
  ) {
    var diagnostics: [Diagnostic] = []
    var templates: [String: MustacheTemplate] = [:]
    var found: Set<String> = []
    var references: [(name: String, from: String, location: SourceLocation)] = []
    let files = templateFiles(in: folder)
    if files.isEmpty {
      return (
        [:],
        [
          .error(
            "no page templates (*.mustache) in '\(display)'; the resource folder's Web/pages/ "
              + "ships with pia", at: nil)
        ]
      )
    }
    for relative in files {
      let path = display + "/" + relative
      let name = String(relative.dropLast(".mustache".count))
      guard
        let data = FileManager.default.contents(
          atPath: folder.appendingPathComponent(relative).path),
        let text = String(data: data, encoding: .utf8)
      else {
        diagnostics.append(.error("cannot read '\(path)' as UTF-8 text", at: nil))
        continue
      }
      if !parse && MustacheSyntax.parsesInRuns(text) {
        found.insert(name)
        references += MustacheSyntax.partialReferences(in: text, path: path).map {
          ($0.name, name, $0.location)
        }
        continue
      }
      do {
        templates[name] = try MustacheTemplate(string: text)
        found.insert(name)
        references += MustacheSyntax.partialReferences(in: text, path: path).map {
          ($0.name, name, $0.location)
        }
      } catch let error as MustacheTemplate.ParserError {
        diagnostics.append(
          .error(
            "the template does not parse: \(error.error)",
            at: SourceLocation(
              file: path, line: error.context.lineNumber, column: error.context.columnNumber)))
      } catch {
        diagnostics.append(.error("the template does not parse: \(error)", at: nil))
      }
    }
    for page in pageNames
    where !found.contains(page)
      && !diagnostics.contains(where: {
        $0.location?.file == "\(display)/\(page).mustache"
      })
    {
      diagnostics.append(
        .error(
          "missing page template '\(display)/\(page).mustache' (pia serve renders it)", at: nil))
    }
    for reference in references where !found.contains(reference.name) {
      diagnostics.append(
        .error(
          "'\(reference.from)' uses the partial '\(reference.name)', which is not in '\(display)' "
            + "(expected '\(display)/\(reference.name).mustache')", at: reference.location))
    }
    return (templates, diagnostics.sortedByLocation())
  }

  private init(library: MustacheLibrary) {
    self.library = library
  }

  /// The page `template` filled from `model` (a view model of stored properties).
  func render(_ model: Any, template: String) -> String {
    library.render(Self.dictionary(model), withTemplate: template) ?? ""
  }

  /// `model` as nested dictionaries and arrays: each struct's stored
  /// properties by name, `nil` ones left out (so a lookup falls through to
  /// the enclosing object, as Mustache does for a missing key).
  ///
  /// swift-mustache looks a key up in a struct by enumerating all its
  /// properties through `Mirror`, for every tag; a question page has a few
  /// hundred tags, so reflecting each view model once and rendering from
  /// dictionaries (which it reads by key) takes most of the rendering time
  /// away.
  static func dictionary(_ value: Any) -> Any {
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .struct?, .class?:
      var fields: [String: Any] = [:]
      for child in mirror.children {
        guard let label = child.label, let present = unwrapped(child.value) else { continue }
        fields[label] = dictionary(present)
      }
      return fields
    case .collection?:
      return mirror.children.map { dictionary($0.value) }
    case .optional?:
      return mirror.children.first.map { dictionary($0.value) } as Any
    default:
      return value
    }
  }

  private static func unwrapped(_ value: Any) -> Any? {
    let mirror = Mirror(reflecting: value)
    guard mirror.displayStyle == .optional else { return value }
    return mirror.children.first?.value
  }

  /// An HTML response of the page (`text/html; charset=utf-8`, `no-store`).
  func response(_ model: Any, template: String, status: HTTPResponse.Status = .ok) -> Response {
    let html = render(model, template: template)
    return Response(
      status: status,
      headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
      body: .init(byteBuffer: ByteBuffer(string: html)))
  }

  /// The `*.mustache` files under `folder`, relative paths, sorted.
  public static func templateFiles(in folder: URL) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
    var files: [String] = []
    for case let path as String in enumerator where path.hasSuffix(".mustache") {
      files.append(path)
    }
    return files.sorted()
  }
}
