import Foundation
import Yams

/// One risk rule from `Questionnaires/rules/*.yaml`: when it applies, the harm
/// it describes, its inherent likelihood and severity, the contexts that raise
/// them and the mitigations that lower them. See `docs/risk-method.md`.
public struct RiskRule: Sendable, Hashable {
  /// The rule's id, unique across the rule files; a finding's key starts with it.
  public var id: String
  /// The risk in a few words, as findings and reports title it.
  public var title: String
  /// The rule's own condition (per entry for `for_each` rules).
  public var when: Condition
  /// The file-level condition, evaluated over the whole answer set even for
  /// per-entry rules.
  public var fileWhen: Condition?
  /// For per-entry rules: the repeating group (`data_flows`). Inside, names
  /// resolve to the entry's fields first.
  public var forEach: String?
  /// Which harm, in plain words (`harm:`).
  public var harm: String
  /// To whom the harm happens (`affected:`): residents, staff, the municipality.
  public var affected: String
  /// Law catalogue ids the finding cites (`cites:`), such as `mfippa-s32`.
  public var cites: [String]
  /// The inherent likelihood before any raise.
  public var likelihood: Likelihood
  /// The inherent severity before any raise.
  public var severity: Severity
  /// A compliance blocker whatever the answers (`blocker: true`).
  public var blocker: Bool
  /// A compliance blocker only when this holds (`blocker_when:`), for
  /// example a personal information bank missing from the index once the
  /// system is operating, but a condition before launch while it is planned.
  public var blockerWhen: Condition?
  /// The riskier contexts (`raise:`), in file order.
  public var raises: [Raise]
  /// The mitigations (`mitigations:`), in file order; open ones become actions.
  public var mitigations: [Mitigation]
  /// Ids of the questionnaires the rule applies to.
  public var questionnaires: [String]
  /// The rule file's path as shown in diagnostics (`Questionnaires/rules/ai-assistant.yaml`
  /// under the resource folder's printed root).
  public var path: String
  /// Where the rule starts in its file.
  public var location: SourceLocation
  /// Where `when`, `cites` and `for_each` are written, for diagnostics.
  public var whenLocation: SourceLocation?
  /// Where the file-level `when` is written; `nil` when there is none.
  public var fileWhenLocation: SourceLocation?
  /// Where the file's `questionnaires` list is written.
  public var questionnairesLocation: SourceLocation?
  /// Where the rule's `cites` list is written.
  public var citesLocation: SourceLocation?
  /// Where `for_each` is written; `nil` for a rule checked once.
  public var forEachLocation: SourceLocation?
  /// Where `blocker_when` is written; `nil` when there is none.
  public var blockerWhenLocation: SourceLocation?

  /// A riskier context that raises likelihood and/or severity (never lowers).
  public struct Raise: Sendable, Hashable {
    /// The context in which the raise applies.
    public var when: Condition
    /// Steps added to the likelihood (0 or more; the level is capped at 4).
    public var likelihood: Int
    /// Steps added to the severity (0 or more; the level is capped at 4).
    public var severity: Int
    /// Where the raise is written, for diagnostics.
    public var location: SourceLocation
  }

  /// A measure that, when the answers put it in place, lowers likelihood
  /// and/or severity by its steps (never below level 1).
  public struct Mitigation: Sendable, Hashable {
    /// The mitigation's id, unique within its rule; actions are keyed by it.
    public var id: String
    /// What to do, as the action plan words it.
    public var title: String
    /// When the answers put the mitigation in place (`in_place_when:`).
    public var inPlaceWhen: Condition
    /// When present, the mitigation is offered only when this holds: it fits
    /// the tool (no "scope to one folder" for a purpose-built system, no
    /// "ask before acting" for a chat tool without agent features). A
    /// mitigation that does not apply is neither in place nor an action.
    public var appliesWhen: Condition?
    /// Steps taken off the likelihood when in place (never below level 1).
    public var likelihood: Int
    /// Steps taken off the severity when in place (never below level 1).
    public var severity: Int
    /// The question whose answer names the action's owner (`owner_question:`); `nil` when none.
    public var ownerQuestion: String?
    /// The date question whose answer is the action's due date (`due_question:`); `nil` when none.
    public var dueQuestion: String?
    /// The question the condition names first (shown as "answer this to put it in place").
    public var question: String?
    /// Where the mitigation is written, for diagnostics.
    public var location: SourceLocation
    /// Where `owner_question` is written; `nil` when absent.
    public var ownerLocation: SourceLocation?
    /// Where `due_question` is written; `nil` when absent.
    public var dueLocation: SourceLocation?
    /// Where `applies_when` is written; `nil` when absent.
    public var appliesWhenLocation: SourceLocation?
  }

  /// Makes a rule; the `…Location` properties stay `nil` (rules built in code have no file).
  public init(
    id: String, title: String, when: Condition, fileWhen: Condition? = nil,
    forEach: String? = nil, harm: String, affected: String, cites: [String],
    likelihood: Likelihood, severity: Severity, blocker: Bool = false, raises: [Raise] = [],
    mitigations: [Mitigation] = [], questionnaires: [String], path: String,
    location: SourceLocation
  ) {
    self.id = id
    self.title = title
    self.when = when
    self.fileWhen = fileWhen
    self.forEach = forEach
    self.harm = harm
    self.affected = affected
    self.cites = cites
    self.likelihood = likelihood
    self.severity = severity
    self.blocker = blocker
    self.raises = raises
    self.mitigations = mitigations
    self.questionnaires = questionnaires
    self.path = path
    self.location = location
  }
}

/// Every rule file, loaded fresh each run.
public struct RuleCatalogue: Sendable, Hashable {
  /// Every rule, files in name order and rules in file order within each.
  public var rules: [RiskRule]

  /// Makes a catalogue of the given rules.
  public init(rules: [RiskRule] = []) {
    self.rules = rules
  }

  /// The rules that apply to a questionnaire.
  public func rules(for questionnaireID: String) -> [RiskRule] {
    rules.filter { $0.questionnaires.contains(questionnaireID) }
  }

  static let fileKeys = ["questionnaires", "when", "rules"]
  static let ruleKeys = [
    "id", "title", "when", "for_each", "harm", "affected", "cites", "likelihood", "severity",
    "blocker", "blocker_when", "raise", "mitigations",
  ]
  static let raiseKeys = ["when", "likelihood", "severity"]
  static let mitigationKeys = [
    "id", "title", "in_place_when", "applies_when", "likelihood", "severity", "owner_question",
    "due_question",
  ]

  /// Loads every rule file in `folder` and reports structural problems
  /// (cross-references are checked by `RuleValidator`).
  static func load(folder: URL, displayFolder: String) -> (RuleCatalogue, [Diagnostic]) {
    var catalogue = RuleCatalogue()
    var diagnostics: [Diagnostic] = []
    for url in ContentCatalog.yamlFiles(in: folder) {
      let (rules, found) = loadFile(url, path: displayFolder + "/" + url.lastPathComponent)
      diagnostics += found
      catalogue.rules += rules
    }
    var seen: [String: SourceLocation] = [:]
    for rule in catalogue.rules {
      if let first = seen[rule.id] {
        diagnostics.append(
          .error("duplicate rule id '\(rule.id)' (first used at \(first))", at: rule.location))
      } else {
        seen[rule.id] = rule.location
      }
    }
    return (catalogue, diagnostics)
  }

  /// Loads one rule file.
  static func loadFile(_ url: URL, path: String) -> ([RiskRule], [Diagnostic]) {
    let document: YAMLDocument
    do {
      document = try YAMLDocument(contentsOf: url, path: path)
    } catch {
      return ([], error.diagnostics)
    }
    guard let root = document.root else {
      return ([], [.error("file is empty", at: YAMLDocument.start(path))])
    }
    var reader = YAMLReader(path: path)
    guard
      let top = reader.mapping(
        root, "a rule file", keys: fileKeys, required: ["questionnaires", "rules"])
    else { return ([], reader.diagnostics) }
    let questionnaires =
      top["questionnaires"].flatMap { reader.strings($0, "questionnaires") } ?? []
    let fileWhen = top["when"].flatMap { QuestionnaireLoader.condition($0, reader: &reader) }
    var rules: [RiskRule] = []
    for node in top["rules"].flatMap({ reader.sequence($0, "rules") }) ?? [] {
      if let rule = readRule(
        node, fileWhen: fileWhen?.condition, fileWhenLocation: fileWhen?.location,
        questionnaires: questionnaires, reader: &reader)
      {
        var rule = rule
        rule.questionnairesLocation = top["questionnaires"].map { reader.location(of: $0) }
        rules.append(rule)
      }
    }
    return (rules, reader.diagnostics)
  }

  private static func readRule(
    _ node: Node, fileWhen: Condition?, fileWhenLocation: SourceLocation?,
    questionnaires: [String], reader: inout YAMLReader
  ) -> RiskRule? {
    guard
      let mapping = reader.mapping(
        node, "a rule", keys: ruleKeys,
        required: ["id", "title", "when", "harm", "affected", "cites", "likelihood", "severity"])
    else { return nil }
    let id = mapping["id"].flatMap { reader.identifier($0, "rule id") }
    let title = mapping["title"].flatMap { reader.string($0, "rule title") }
    let when = mapping["when"].flatMap { QuestionnaireLoader.condition($0, reader: &reader) }
    let forEach = mapping["for_each"].flatMap { reader.identifier($0, "for_each") }
    let harm = mapping["harm"].flatMap { reader.string($0, "harm") }
    let affected = mapping["affected"].flatMap { reader.string($0, "affected") }
    let cites = mapping["cites"].flatMap { reader.strings($0, "cites") } ?? []
    if let citesNode = mapping["cites"], cites.isEmpty {
      reader.error("a rule needs at least one citation", at: citesNode)
    }
    let likelihood = mapping["likelihood"].flatMap { readLikelihood($0, reader: &reader) }
    let severity = mapping["severity"].flatMap { readSeverity($0, reader: &reader) }
    let blocker = mapping["blocker"].flatMap { reader.boolean($0, "blocker") } ?? false
    let blockerWhen = mapping["blocker_when"].flatMap {
      QuestionnaireLoader.condition($0, reader: &reader)
    }
    if blocker, let node = mapping["blocker_when"] {
      reader.error(
        "a rule is a blocker always ('blocker: true') or only when a condition holds "
          + "('blocker_when:'), not both", at: node)
    }
    var raises: [RiskRule.Raise] = []
    for item in mapping["raise"].flatMap({ reader.sequence($0, "raise") }) ?? [] {
      guard
        let raise = reader.mapping(item, "a raise", keys: raiseKeys, required: ["when"]),
        let condition = raise["when"].flatMap({ QuestionnaireLoader.condition($0, reader: &reader) }
        )
      else { continue }
      let l = raise["likelihood"].flatMap { readStep($0, sign: 1, reader: &reader) } ?? 0
      let s = raise["severity"].flatMap { readStep($0, sign: 1, reader: &reader) } ?? 0
      if raise["likelihood"] == nil && raise["severity"] == nil {
        reader.error("a raise needs 'likelihood: +1' and/or 'severity: +1'", at: item)
      }
      raises.append(
        .init(when: condition.condition, likelihood: l, severity: s, location: condition.location))
    }
    var mitigations: [RiskRule.Mitigation] = []
    var mitigationIDs: Set<String> = []
    for item in mapping["mitigations"].flatMap({ reader.sequence($0, "mitigations") }) ?? [] {
      guard
        let m = reader.mapping(
          item, "a mitigation", keys: mitigationKeys, required: ["id", "title", "in_place_when"])
      else { continue }
      let mid = m["id"].flatMap { reader.identifier($0, "mitigation id") }
      let mtitle = m["title"].flatMap { reader.string($0, "mitigation title") }
      let condition = m["in_place_when"].flatMap {
        QuestionnaireLoader.condition($0, reader: &reader)
      }
      let applies = m["applies_when"].flatMap {
        QuestionnaireLoader.condition($0, reader: &reader)
      }
      let l = m["likelihood"].flatMap { readStep($0, sign: -1, reader: &reader) } ?? 0
      let s = m["severity"].flatMap { readStep($0, sign: -1, reader: &reader) } ?? 0
      if m["likelihood"] == nil && m["severity"] == nil {
        reader.error("a mitigation needs 'likelihood: -1' and/or 'severity: -1'", at: item)
      }
      let owner = m["owner_question"].flatMap { reader.identifier($0, "owner_question") }
      let due = m["due_question"].flatMap { reader.identifier($0, "due_question") }
      if let mid, mitigationIDs.contains(mid) {
        reader.error("mitigation id '\(mid)' is used twice in this rule", at: item)
      }
      guard let mid, let mtitle, let condition else { continue }
      mitigationIDs.insert(mid)
      let first = condition.condition.references().first { $0.reference.kind == .answer }
      mitigations.append(
        .init(
          id: mid, title: mtitle, inPlaceWhen: condition.condition,
          appliesWhen: applies?.condition, likelihood: l, severity: s,
          ownerQuestion: owner, dueQuestion: due, question: first?.reference.name,
          location: condition.location,
          ownerLocation: m["owner_question"].map { reader.location(of: $0) },
          dueLocation: m["due_question"].map { reader.location(of: $0) },
          appliesWhenLocation: applies?.location))
    }
    // A bad level is already reported; keep the rule (at the top level) so its
    // conditions and citations are still cross-checked.
    guard let id, let title, let when, let harm, let affected else { return nil }
    var rule = RiskRule(
      id: id, title: title, when: when.condition, fileWhen: fileWhen, forEach: forEach,
      harm: harm, affected: affected, cites: cites, likelihood: likelihood ?? .almostCertain,
      severity: severity ?? .maximum,
      blocker: blocker, raises: raises, mitigations: mitigations,
      questionnaires: questionnaires, path: reader.path, location: reader.location(of: node))
    rule.whenLocation = when.location
    rule.fileWhenLocation = fileWhenLocation
    rule.citesLocation = mapping["cites"].map { reader.location(of: $0) }
    rule.forEachLocation = mapping["for_each"].map { reader.location(of: $0) }
    rule.blockerWhen = blockerWhen?.condition
    rule.blockerWhenLocation = blockerWhen?.location
    return rule
  }

  private static func readLikelihood(_ node: Node, reader: inout YAMLReader) -> Likelihood? {
    guard let text = reader.string(node, "likelihood") else { return nil }
    if let level = Likelihood.allCases.first(where: { $0.description == text }) { return level }
    let names = Likelihood.allCases.map(\.description)
    reader.error(
      "unknown likelihood '\(text)'\(Spelling.didYouMean(text, among: names)) "
        + "(expected one of: \(names.joined(separator: ", ")))", at: node)
    return nil
  }

  private static func readSeverity(_ node: Node, reader: inout YAMLReader) -> Severity? {
    guard let text = reader.string(node, "severity") else { return nil }
    if let level = Severity.allCases.first(where: { $0.description == text }) { return level }
    let names = Severity.allCases.map(\.description)
    reader.error(
      "unknown severity '\(text)'\(Spelling.didYouMean(text, among: names)) "
        + "(expected one of: \(names.joined(separator: ", ")))", at: node)
    return nil
  }

  /// Reads `+1`…`+3` (sign 1, raises) or `-1`…`-3` (sign -1, mitigations).
  private static func readStep(_ node: Node, sign: Int, reader: inout YAMLReader) -> Int? {
    let expected =
      sign > 0
      ? "+1, +2 or +3 (raises only ever raise)" : "-1, -2 or -3 (mitigations only ever lower)"
    guard case .scalar(let scalar) = node, let value = Int(scalar.string),
      value * sign >= 1, value * sign <= 3
    else {
      reader.error("expected \(expected), found \(reader.describe(node))", at: node)
      return nil
    }
    return abs(value)
  }
}
