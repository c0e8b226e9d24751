import Foundation
import Testing

@testable import PIAKit

/// docs/templates.md names every field a template may use.
@Suite struct TemplateDocsTests {
  static func paths(_ schema: TemplateSchema, prefix: String = "") -> [String] {
    switch schema {
    case .object(let fields):
      return fields.keys.sorted().flatMap { name -> [String] in
        guard prefix != "cite." || name.isEmpty else { return [] }
        let path = prefix + name
        return [path] + paths(fields[name] ?? .text, prefix: path + ".")
      }
    case .list(let item): return paths(item, prefix: prefix)
    default: return []
    }
  }

  @Test func everyFieldIsDocumented() throws {
    let docs = try String(
      contentsOf: RepositoryPaths.root.appendingPathComponent("docs/templates.md"), encoding: .utf8)
    let schema = ReportModel.schema(law: ReportFixtures.law)
    // A field counts as documented when its full path, its name (fields of list items are
    // documented by name), or the start of a longer path appears in backticks; `has_x` and
    // `no_x` are documented with their list `x`.
    let missing = Self.paths(schema).filter { path in
      var name = String(path.split(separator: ".").last ?? "")
      for prefix in ["has_", "no_"]
      where name.hasPrefix(prefix) && name != "no_pi" && name != "no_pi_reasons" {
        name = String(name.dropFirst(prefix.count))
      }
      let parent = path.split(separator: ".").dropLast().joined(separator: ".")
      let listPath = parent.isEmpty ? name : parent + "." + name
      return !docs.contains("`\(path)`") && !docs.contains("`\(path).")
        && !docs.contains("`\(name)`")
        && !docs.contains("`\(listPath)`")
    }
    #expect(missing.isEmpty, "undocumented fields: \(missing.joined(separator: ", "))")
  }
}
