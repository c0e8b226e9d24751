import Foundation
import Yams

/// One fact about a vendor's plan tier, with where it comes from and when it
/// was last checked.
public struct VendorFact: Sendable, Hashable {
  /// The value rules compare with: a boolean, a word or a number.
  public var value: AnswerValue
  /// The page the fact was read from.
  public var source: String
  /// When the fact was last checked against `source`.
  public var checked: CalendarDate
  public var note: String?
  /// The sources disagree or the fact comes from a secondary source.
  public var uncertain: Bool
  public var location: SourceLocation

  public init(
    value: AnswerValue, source: String, checked: CalendarDate, note: String? = nil,
    uncertain: Bool = false, location: SourceLocation
  ) {
    self.value = value
    self.source = source
    self.checked = checked
    self.note = note
    self.uncertain = uncertain
    self.location = location
  }
}

/// A vendor and the facts for each of its plan tiers (tier ids are the
/// `plan_tier` choice ids).
public struct Vendor: Sendable, Hashable {
  /// The `ai_vendor` choice id (`anthropic`).
  public var id: String
  public var title: String
  public var path: String
  /// Facts by tier id, then by fact name.
  public var tiers: [String: [String: VendorFact]]
  public var location: SourceLocation

  public init(
    id: String, title: String, path: String, tiers: [String: [String: VendorFact]],
    location: SourceLocation
  ) {
    self.id = id
    self.title = title
    self.path = path
    self.tiers = tiers
    self.location = location
  }
}

/// The vendor files of `Questionnaires/vendors/`. Loaded fresh on every run,
/// so editing a file changes the next score with no other step.
public struct VendorCatalogue: Sendable, Hashable {
  public var vendors: [Vendor]

  public init(vendors: [Vendor] = []) {
    self.vendors = vendors
  }

  /// The vendor with this id.
  public func vendor(_ id: String) -> Vendor? { vendors.first { $0.id == id } }

  /// The facts of a vendor's tier, or an empty set when either is unknown.
  public func facts(vendor: String?, tier: String?) -> [String: VendorFact] {
    guard let vendor, let tier else { return [:] }
    return self.vendor(vendor)?.tiers[tier] ?? [:]
  }

  /// Every fact name any vendor file defines: what `vendor.<name>` may use.
  public var factNames: Set<String> {
    var names: Set<String> = []
    for vendor in vendors {
      for facts in vendor.tiers.values { names.formUnion(facts.keys) }
    }
    return names
  }

  static let fileKeys = ["vendor", "title", "tiers"]
  static let factKeys = ["value", "source", "checked", "note", "uncertain"]

  /// Loads every `*.yaml` file in `folder`. A missing folder is an empty catalogue.
  public static func load(folder: URL, displayFolder: String) -> (VendorCatalogue, [Diagnostic]) {
    var catalogue = VendorCatalogue()
    var diagnostics: [Diagnostic] = []
    for url in ContentCatalog.yamlFiles(in: folder) {
      let shown = displayFolder + "/" + url.lastPathComponent
      let (vendor, found) = loadFile(url, path: shown)
      diagnostics += found
      guard let vendor else { continue }
      if let first = catalogue.vendor(vendor.id) {
        diagnostics.append(
          .error(
            "vendor id '\(vendor.id)' is also used by \(first.path)", at: vendor.location))
      } else {
        catalogue.vendors.append(vendor)
      }
    }
    return (catalogue, diagnostics)
  }

  /// Loads one vendor file.
  public static func loadFile(_ url: URL, path: String) -> (Vendor?, [Diagnostic]) {
    let document: YAMLDocument
    do {
      document = try YAMLDocument(contentsOf: url, path: path)
    } catch {
      return (nil, error.diagnostics)
    }
    var reader = YAMLReader(path: path)
    guard let root = document.root else {
      return (nil, [.error("file is empty", at: YAMLDocument.start(path))])
    }
    guard
      let top = reader.mapping(
        root, "a vendor file", keys: fileKeys, required: ["vendor", "title", "tiers"])
    else { return (nil, reader.diagnostics) }
    let id = top["vendor"].flatMap { reader.identifier($0, "vendor id") }
    let title = top["title"].flatMap { reader.string($0, "vendor title") }
    var tiers: [String: [String: VendorFact]] = [:]
    var tierSites: [(String, Node)] = []
    if let tiersNode = top["tiers"], case .mapping(let mapping) = tiersNode {
      for (keyNode, value) in mapping {
        guard let tier = reader.identifier(keyNode, "tier id") else { continue }
        tierSites.append((tier, keyNode))
        tiers[tier] = readFacts(value, tier: tier, reader: &reader)
      }
    } else if let tiersNode = top["tiers"] {
      reader.error("expected tiers to be a mapping of tier id to facts", at: tiersNode)
    }
    // Every tier should state the same facts, so a rule never silently reads
    // a fact one tier lacks.
    let allNames = Set(tiers.values.flatMap(\.keys))
    for (tier, node) in tierSites {
      let missing = allNames.subtracting(Set((tiers[tier] ?? [:]).keys)).sorted()
      if !missing.isEmpty {
        reader.warning(
          "tier '\(tier)' does not state \(missing.map { "'\($0)'" }.joined(separator: ", ")), "
            + "which other tiers do", at: node)
      }
    }
    guard let id, let title else { return (nil, reader.diagnostics) }
    let vendor = Vendor(
      id: id, title: title, path: path, tiers: tiers, location: reader.location(of: root))
    return (vendor, reader.diagnostics)
  }

  private static func readFacts(_ node: Node, tier: String, reader: inout YAMLReader)
    -> [String: VendorFact]
  {
    guard case .mapping(let mapping) = node else {
      reader.error("expected the facts of tier '\(tier)' to be a mapping", at: node)
      return [:]
    }
    var facts: [String: VendorFact] = [:]
    for (keyNode, value) in mapping {
      guard let name = reader.identifier(keyNode, "fact name") else { continue }
      guard
        let fact = reader.mapping(
          value, "fact '\(name)'", keys: factKeys, required: ["value", "source", "checked"])
      else { continue }
      var answer: AnswerValue?
      if let valueNode = fact["value"] {
        answer = readValue(valueNode, reader: &reader)
      }
      let source = fact["source"].flatMap { reader.string($0, "source") }
      if let sourceNode = fact["source"], let source, !source.hasPrefix("https://"),
        !source.hasPrefix("http://")
      {
        reader.error("source must be a web address (https://…), found '\(source)'", at: sourceNode)
      }
      var checked: CalendarDate?
      if let checkedNode = fact["checked"] {
        if case .scalar(let scalar) = checkedNode, let date = CalendarDate(scalar.string) {
          checked = date
        } else {
          reader.error(
            "expected checked to be a date written YYYY-MM-DD, found \(reader.describe(checkedNode))",
            at: checkedNode)
        }
      }
      let note = fact["note"].flatMap { reader.string($0, "note") }
      let uncertain = fact["uncertain"].flatMap { reader.boolean($0, "uncertain") } ?? false
      guard let answer, let source, let checked else { continue }
      facts[name] = VendorFact(
        value: answer, source: source, checked: checked, note: note, uncertain: uncertain,
        location: reader.location(of: keyNode))
    }
    return facts
  }

  private static func readValue(_ node: Node, reader: inout YAMLReader) -> AnswerValue? {
    guard case .scalar(let scalar) = node else {
      reader.error("expected a fact value to be true, false, a word or a number", at: node)
      return nil
    }
    let text = scalar.string
    if scalar.style == .plain {
      if text == "true" || text == "false" { return .bool(text == "true") }
      if let number = Double(text), number.isFinite { return .number(number) }
    }
    if text.trimmingCharacters(in: .whitespaces).isEmpty {
      reader.error("a fact value must not be empty", at: node)
      return nil
    }
    return .choice(text)
  }
}
