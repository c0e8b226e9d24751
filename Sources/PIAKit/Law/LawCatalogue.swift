import Foundation
import Yams

/// The provisions the tool cites, kept as data in `Questionnaires/law/`.
///
/// Questions, rules and templates refer to provisions by id; only the
/// catalogue says how a provision is printed and whether its number and
/// wording were verified.
public struct LawCatalogue: Sendable, Hashable {
  /// Every regime (`regimes:` in any law file, shipped in `regimes.yaml`), files in name order.
  public var regimes: [Regime]
  /// Every provision (`provisions:` in the law files: `mfippa.yaml`, `reg-823.yaml`, …), files
  /// in name order and provisions in file order. Source: each file's header names it (the
  /// citation table of `/shared/domain/mfippa-reference.md`) and the e-Laws page to re-check.
  public var provisions: [Provision] {
    didSet { index = Self.index(of: provisions) }
  }
  /// Position of each provision id in `provisions` (the first, for a repeated id).
  private var index: [String: Int]

  /// Makes a catalogue; an empty one cites every id as written.
  public init(regimes: [Regime] = [], provisions: [Provision] = []) {
    self.regimes = regimes
    self.provisions = provisions
    index = Self.index(of: provisions)
  }

  /// The provision with this id.
  public func provision(_ id: String) -> Provision? {
    index[id].map { provisions[$0] }
  }

  /// The regime with this id.
  public func regime(_ id: String) -> Regime? { regimes.first { $0.id == id } }

  /// The printed citation of a provision id: "MFIPPA s. 28(2)", followed by
  /// "(verify on e-Laws)" when its status is uncertain.
  public func cite(_ id: String) -> String {
    guard let provision = provision(id) else { return id }
    return provision.printed
  }

  /// The regimes that apply on `date`: in force, or pending with a
  /// commencement date on or before it.
  public func regimesApplied(on date: CalendarDate) -> [Regime] {
    regimes.filter { $0.isInForce(on: date) }
  }

  /// The regimes that are introduced (by `date`) but not in force on
  /// `date`: what a report lists as "reported and pending". A bill not yet
  /// introduced on the assessment date is not mentioned at all.
  public func regimesPending(on date: CalendarDate) -> [Regime] {
    regimes.filter { !$0.isInForce(on: date) && $0.isIntroduced(on: date) }
  }

  /// Whether a report dated `date` may cite the provision: its regime is in
  /// force, or pending and already introduced. Unknown ids are citable (the
  /// validator reports them).
  public func isCitable(_ id: String, on date: CalendarDate) -> Bool {
    guard let provision = provision(id), let regime = regime(provision.regime) else {
      return true
    }
    return regime.isInForce(on: date) || regime.isIntroduced(on: date)
  }

  private static func index(of provisions: [Provision]) -> [String: Int] {
    var result: [String: Int] = [:]
    for (offset, provision) in provisions.enumerated() where result[provision.id] == nil {
      result[provision.id] = offset
    }
    return result
  }
}

/// A body of law at one point in its history: the current text, or a set of
/// amendments waiting for commencement.
public struct Regime: Sendable, Hashable {
  /// Whether the regime applies now; the raw value is the YAML spelling.
  public enum Status: String, Sendable, Hashable, CaseIterable {
    /// Consolidated law that applies on any assessment date.
    case inForce = "in_force"
    /// Amendments that apply only from `commencement`, once it is recorded.
    case pending
  }

  /// The regime's id, which provisions name in `regime:` (`mfippa-current`, `bill-97`).
  public var id: String
  /// The regime as printed ("Bill 97 amendments to MFIPPA (S.O. 2026, c. 2, Sched. 11)").
  public var title: String
  /// In force, or pending commencement.
  public var status: Status
  /// When the bill was introduced (first reading); `nil` when not recorded.
  public var introduced: CalendarDate?
  /// When it received Royal Assent; `nil` when not (yet) recorded.
  public var royalAssent: CalendarDate?
  /// When a pending regime comes into force; `nil` while unknown.
  public var commencement: CalendarDate?
  /// What the regime changes, in plain words, for the "pending amendments" section.
  public var effects: [String]
  /// Where the regime's status and dates come from: e-Laws or the Legislative Assembly's bill
  /// page; `nil` when not recorded.
  public var source: String?

  /// Makes a regime.
  public init(
    id: String, title: String, status: Status, introduced: CalendarDate? = nil,
    royalAssent: CalendarDate? = nil, commencement: CalendarDate? = nil,
    effects: [String] = [], source: String? = nil
  ) {
    self.id = id
    self.title = title
    self.status = status
    self.introduced = introduced
    self.royalAssent = royalAssent
    self.commencement = commencement
    self.effects = effects
    self.source = source
  }

  /// Whether the regime applies on `date`.
  public func isInForce(on date: CalendarDate) -> Bool {
    switch status {
    case .inForce: return true
    case .pending: return commencement.map { $0 <= date } ?? false
    }
  }

  /// Whether the bill had been introduced by `date` (true when the
  /// introduction date is not recorded).
  public func isIntroduced(on date: CalendarDate) -> Bool {
    introduced.map { $0 <= date } ?? true
  }

  /// Where a pending regime stands on `date`, in the words a report prints:
  /// "Introduced 2026-03-26; Royal Assent 2026-04-24; commencement not yet
  /// confirmed (verify on e-Laws). Its changes are as reported and apply
  /// only if and when in force."
  public func pendingStatus(on date: CalendarDate) -> String {
    var parts: [String] = []
    if let introduced, introduced <= date { parts.append("Introduced \(introduced)") }
    if let royalAssent, royalAssent <= date {
      parts.append("Royal Assent \(royalAssent)")
    } else if introduced != nil {
      parts.append("not yet passed on the assessment date")
    }
    if let commencement {
      parts.append("comes into force on \(commencement)")
    } else {
      parts.append("commencement not yet confirmed (verify on e-Laws)")
    }
    var text = parts.joined(separator: "; ")
    text = text.prefix(1).uppercased() + text.dropFirst()
    return text + ". Its changes are as reported and apply only if and when in force."
  }
}

/// One provision: a section, subsection or clause of a statute or regulation.
public struct Provision: Sendable, Hashable {
  /// Whether the number and wording were confirmed in a primary source; the raw value is the
  /// YAML spelling.
  public enum Status: String, Sendable, Hashable, CaseIterable {
    /// Confirmed in a primary source.
    case verified
    /// Not confirmed: the citation is printed with "(verify on e-Laws)".
    case uncertain
  }

  /// The provision's id (`mfippa-s28-2`): `<statute>-s<section>[-<subsection>][-<clause>]`,
  /// `_` for the point of an inserted number (s. 4.1 → `mfippa-s4_1`).
  public var id: String
  /// The citation exactly as printed: "MFIPPA s. 28(2)".
  public var cite: String
  /// One line of plain meaning.
  public var meaning: String
  /// Verified or uncertain.
  public var status: Status
  /// The id of the regime the provision belongs to.
  public var regime: String
  /// Where the provision is written, for diagnostics.
  public var location: SourceLocation

  /// Makes a provision.
  public init(
    id: String, cite: String, meaning: String, status: Status, regime: String,
    location: SourceLocation
  ) {
    self.id = id
    self.cite = cite
    self.meaning = meaning
    self.status = status
    self.regime = regime
    self.location = location
  }

  /// The citation with "(verify on e-Laws)" when uncertain.
  public var printed: String {
    status == .uncertain ? "\(cite) (verify on e-Laws)" : cite
  }
}

extension LawCatalogue {
  /// Loads every `*.yaml` file in `folder` (sorted by name). Each file may hold
  /// `regimes:` and `provisions:`.
  static func load(folder: URL, displayFolder: String) -> (LawCatalogue, [Diagnostic]) {
    var catalogue = LawCatalogue()
    var diagnostics: [Diagnostic] = []
    let files: [String]
    do {
      files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        .filter { $0.hasSuffix(".yaml") }.sorted()
    } catch {
      return (catalogue, [.error(FileErrors.describe(error, path: displayFolder), at: nil)])
    }
    var provisionSites: [(String, Node, String)] = []
    for file in files {
      let shown = displayFolder + "/" + file
      let document: YAMLDocument
      do {
        document = try YAMLDocument(contentsOf: folder.appendingPathComponent(file), path: shown)
      } catch {
        diagnostics += error.diagnostics
        continue
      }
      var reader = YAMLReader(path: shown)
      guard let root = document.root,
        let top = reader.mapping(root, "a law file", keys: ["regimes", "provisions"])
      else {
        diagnostics += reader.diagnostics
        continue
      }
      for node in top["regimes"].flatMap({ reader.sequence($0, "regimes") }) ?? [] {
        if let regime = readRegime(node, reader: &reader) {
          if catalogue.regime(regime.id) != nil {
            reader.error("duplicate regime id '\(regime.id)'", at: node)
          } else {
            catalogue.regimes.append(regime)
          }
        }
      }
      for node in top["provisions"].flatMap({ reader.sequence($0, "provisions") }) ?? [] {
        if let provision = readProvision(node, reader: &reader) {
          if catalogue.provisions.contains(where: { $0.id == provision.id }) {
            reader.error("duplicate provision id '\(provision.id)'", at: node)
          } else {
            catalogue.provisions.append(provision)
            provisionSites.append((provision.regime, node, shown))
          }
        }
      }
      diagnostics += reader.diagnostics
    }
    let regimeIDs = catalogue.regimes.map(\.id)
    for (regime, node, shown) in provisionSites where !regimeIDs.contains(regime) {
      var reader = YAMLReader(path: shown)
      reader.error(
        "unknown regime '\(regime)'\(Spelling.didYouMean(regime, among: regimeIDs))", at: node)
      diagnostics += reader.diagnostics
    }
    return (catalogue, diagnostics)
  }

  private static func readRegime(_ node: Node, reader: inout YAMLReader) -> Regime? {
    guard
      let mapping = reader.mapping(
        node, "a regime",
        keys: [
          "id", "title", "status", "introduced", "royal_assent", "commencement", "effects",
          "source",
        ],
        required: ["id", "title", "status"])
    else { return nil }
    let id = mapping["id"].flatMap { reader.identifier($0, "regime id") }
    let title = mapping["title"].flatMap { reader.string($0, "regime title") }
    var status: Regime.Status?
    if let statusNode = mapping["status"], let text = reader.string(statusNode, "status") {
      status = Regime.Status(rawValue: text)
      if status == nil {
        reader.error(
          "unknown regime status '\(text)' (expected in_force or pending)", at: statusNode)
      }
    }
    func date(_ key: String) -> CalendarDate? {
      guard let node = mapping[key], !node.isNull else { return nil }
      if case .scalar(let scalar) = node, let date = CalendarDate(scalar.string) { return date }
      reader.error("expected \(key) to be a date written YYYY-MM-DD", at: node)
      return nil
    }
    let introduced = date("introduced")
    let royalAssent = date("royal_assent")
    let commencement = date("commencement")
    if let introduced, let royalAssent, royalAssent < introduced, let node = mapping["royal_assent"]
    {
      reader.error("royal_assent \(royalAssent) is before introduced \(introduced)", at: node)
    }
    let effects = mapping["effects"].flatMap { reader.strings($0, "effects") } ?? []
    let source = mapping["source"].flatMap { reader.string($0, "source") }
    guard let id, let title, let status else { return nil }
    return Regime(
      id: id, title: title, status: status, introduced: introduced, royalAssent: royalAssent,
      commencement: commencement, effects: effects, source: source)
  }

  private static func readProvision(_ node: Node, reader: inout YAMLReader) -> Provision? {
    guard
      let mapping = reader.mapping(
        node, "a provision", keys: ["id", "cite", "meaning", "status", "regime", "facts", "note"],
        required: ["id", "cite", "meaning", "status", "regime"])
    else { return nil }
    let id = mapping["id"].flatMap { reader.identifier($0, "provision id") }
    let cite = mapping["cite"].flatMap { reader.string($0, "cite") }
    let meaning = mapping["meaning"].flatMap { reader.string($0, "meaning") }
    let regime = mapping["regime"].flatMap { reader.identifier($0, "regime") }
    _ = mapping["facts"].flatMap { reader.strings($0, "facts") }
    _ = mapping["note"].flatMap { reader.string($0, "note") }
    var status: Provision.Status?
    if let statusNode = mapping["status"], let text = reader.string(statusNode, "status") {
      status = Provision.Status(rawValue: text)
      if status == nil {
        reader.error(
          "unknown provision status '\(text)' (expected verified or uncertain)", at: statusNode)
      }
    }
    guard let id, let cite, let meaning, let status, let regime else { return nil }
    return Provision(
      id: id, cite: cite, meaning: meaning, status: status, regime: regime,
      location: reader.location(of: node))
  }
}
