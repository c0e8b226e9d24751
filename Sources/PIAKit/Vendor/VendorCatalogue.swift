import Foundation
import Yams

/// One fact about a vendor's plan tier, with where it comes from, the date
/// the source states, and whether it was verified.
///
/// Shipped facts carry no `checked` date: that date is the municipality's,
/// recorded when someone there re-reads the source (in the vendor file, or
/// for every fact of the assessed tier with the `vendor_facts_checked`
/// answer). Until then reports say "not yet checked by the municipality".
public struct VendorFact: Sendable, Hashable {
  /// Whether the fact was read in the vendor's own documentation.
  public enum Status: String, Sendable, Hashable, CaseIterable {
    /// Read in the vendor's own documentation, terms or help centre, or
    /// stated by two or more independent sources that agree.
    case verified
    /// A single secondary source, sources that disagree, an inference, or a
    /// copy (mirror, documentation source file) rather than the vendor's page.
    case unverified
  }

  /// The value rules compare with: a boolean, a word or a number.
  public var value: AnswerValue
  /// The vendor's own page for the fact (https).
  public var source: String
  /// The date the source states, as text ("ms.date 01/15/2025", "relative
  /// only", "not stated"): some sources give only relative dates.
  public var stated: String
  /// Verified or unverified, as the vendor file records it (`status:`).
  public var status: Status
  /// When someone at the municipality last re-read `source`; `nil` until then.
  public var checked: CalendarDate?
  /// Where the fact was actually read when that is a copy of `source`.
  public var readAt: String?
  /// Free notes on the fact (`note:`), such as the fact ids of the domain reference
  /// (`/shared/domain/vendor-facts.md`) it rests on; `nil` when none.
  public var note: String?
  /// Where the fact is written, for diagnostics.
  public var location: SourceLocation

  /// Makes a fact; `checked`, `readAt` and `note` default to `nil`.
  public init(
    value: AnswerValue, source: String, stated: String, status: Status,
    checked: CalendarDate? = nil, readAt: String? = nil, note: String? = nil,
    location: SourceLocation
  ) {
    self.value = value
    self.source = source
    self.stated = stated
    self.status = status
    self.checked = checked
    self.readAt = readAt
    self.note = note
    self.location = location
  }

  /// Whether the fact is unverified.
  public var uncertain: Bool { status == .unverified }
}

/// One of a vendor's own plan names, mapped onto a vendor-neutral `plan_tier`.
public struct VendorPlan: Sendable, Hashable {
  /// The vendor's name for the plan ("ChatGPT Business").
  public var name: String
  /// The `plan_tier` choice id it maps onto (`team`).
  public var tier: String
  /// The terms that govern it: `consumer` or `commercial`.
  public var terms: String

  /// Makes a plan mapping.
  public init(name: String, tier: String, terms: String) {
    self.name = name
    self.tier = tier
    self.terms = terms
  }
}

/// A vendor: its plans, its facts for each plan tier (tier ids are the
/// `plan_tier` choice ids), and its own steps for the vendor-neutral
/// mitigations of the rules.
public struct Vendor: Sendable, Hashable {
  /// The `ai_vendor` choice id (`anthropic`).
  public var id: String
  /// The vendor as printed ("OpenAI (ChatGPT)").
  public var title: String
  /// The vendor file's path as shown in diagnostics (`Questionnaires/vendors/openai.yaml`
  /// under the resource folder's printed root).
  public var path: String
  /// The vendor's product names: what a report about another vendor must
  /// never print.
  public var products: [String]
  /// The vendor's plan names mapped onto tiers.
  public var plans: [VendorPlan]
  /// The vendor's own step for a mitigation, by mitigation id.
  public var advice: [String: String]
  /// Facts by tier id, then by fact name.
  public var tiers: [String: [String: VendorFact]]
  /// Where the vendor file's content starts, for diagnostics.
  public var location: SourceLocation

  /// Makes a vendor; products, plans and advice default to empty.
  public init(
    id: String, title: String, path: String, products: [String] = [], plans: [VendorPlan] = [],
    advice: [String: String] = [:], tiers: [String: [String: VendorFact]],
    location: SourceLocation
  ) {
    self.id = id
    self.title = title
    self.path = path
    self.products = products
    self.plans = plans
    self.advice = advice
    self.tiers = tiers
    self.location = location
  }

  /// The vendor's plan names for a tier, joined: "ChatGPT Plus".
  public func planNames(tier: String) -> [String] {
    plans.filter { $0.tier == tier }.map(\.name)
  }
}

/// The vendor files of `Questionnaires/vendors/`. Loaded fresh on every run,
/// so editing a file changes the next score with no other step.
public struct VendorCatalogue: Sendable, Hashable {
  /// Every vendor, one per file, files in name order.
  public var vendors: [Vendor]

  /// Makes a catalogue of the given vendors.
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

  static let fileKeys = ["vendor", "title", "products", "plans", "advice", "tiers"]
  static let planKeys = ["name", "tier", "terms"]
  static let factKeys = ["value", "source", "stated", "status", "checked", "read_at", "note"]

  /// Loads every `*.yaml` file in `folder`. A missing folder is an empty catalogue.
  static func load(folder: URL, displayFolder: String) -> (VendorCatalogue, [Diagnostic]) {
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
  static func loadFile(_ url: URL, path: String) -> (Vendor?, [Diagnostic]) {
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
    let products = top["products"].flatMap { reader.strings($0, "products") } ?? []
    var plans: [VendorPlan] = []
    for node in top["plans"].flatMap({ reader.sequence($0, "plans") }) ?? [] {
      guard
        let plan = reader.mapping(
          node, "a plan", keys: planKeys, required: ["name", "tier", "terms"])
      else { continue }
      let name = plan["name"].flatMap { reader.string($0, "plan name") }
      let tier = plan["tier"].flatMap { reader.identifier($0, "plan tier") }
      let terms = plan["terms"].flatMap { reader.string($0, "plan terms") }
      if let tierNode = plan["tier"], let tier, tiers[tier] == nil {
        reader.error(
          "plan tier '\(tier)' has no facts under 'tiers'"
            + Spelling.didYouMean(tier, among: tiers.keys.sorted()), at: tierNode)
      }
      if let termsNode = plan["terms"], let terms, !["consumer", "commercial"].contains(terms) {
        reader.error("expected terms to be consumer or commercial, found '\(terms)'", at: termsNode)
      }
      if let name, let tier, let terms {
        plans.append(VendorPlan(name: name, tier: tier, terms: terms))
      }
    }
    var advice: [String: String] = [:]
    if let adviceNode = top["advice"] {
      if case .mapping(let mapping) = adviceNode {
        for (keyNode, value) in mapping {
          guard let mitigation = reader.identifier(keyNode, "mitigation id"),
            let text = reader.string(value, "advice")
          else { continue }
          advice[mitigation] = text
        }
      } else {
        reader.error("expected advice to be a mapping of mitigation id to text", at: adviceNode)
      }
    }
    guard let id, let title else { return (nil, reader.diagnostics) }
    let vendor = Vendor(
      id: id, title: title, path: path, products: products, plans: plans, advice: advice,
      tiers: tiers, location: reader.location(of: root))
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
          value, "fact '\(name)'", keys: factKeys,
          required: ["value", "source", "stated", "status"])
      else { continue }
      var answer: AnswerValue?
      if let valueNode = fact["value"] {
        answer = readValue(valueNode, reader: &reader)
      }
      let source = fact["source"].flatMap { reader.string($0, "source") }
      for key in ["source", "read_at"] {
        if let node = fact[key], let address = reader.string(node, key),
          !address.hasPrefix("https://"), !address.hasPrefix("http://")
        {
          reader.error("\(key) must be a web address (https://…), found '\(address)'", at: node)
        }
      }
      let stated = fact["stated"].flatMap { reader.string($0, "stated") }
      var status: VendorFact.Status?
      if let statusNode = fact["status"], let text = reader.string(statusNode, "status") {
        status = VendorFact.Status(rawValue: text)
        if status == nil {
          reader.error(
            "unknown fact status '\(text)' (expected verified or unverified)", at: statusNode)
        }
      }
      var checked: CalendarDate?
      if let checkedNode = fact["checked"] {
        if case .scalar(let scalar) = checkedNode, let date = CalendarDate(scalar.string) {
          checked = date
        } else {
          reader.error(
            "expected checked to be a date written YYYY-MM-DD (the day someone at the "
              + "municipality re-read the source), found \(reader.describe(checkedNode))",
            at: checkedNode)
        }
      }
      let readAt = fact["read_at"].flatMap { reader.string($0, "read_at") }
      let note = fact["note"].flatMap { reader.string($0, "note") }
      guard let answer, let source, let stated, let status else { continue }
      facts[name] = VendorFact(
        value: answer, source: source, stated: stated, status: status, checked: checked,
        readAt: readAt, note: note, location: reader.location(of: keyNode))
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
    if text.isBlank {
      reader.error("a fact value must not be empty", at: node)
      return nil
    }
    return .choice(text)
  }
}
