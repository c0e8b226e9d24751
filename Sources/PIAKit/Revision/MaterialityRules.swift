import Foundation
import Yams

/// The materiality rules of a resource folder (`Questionnaires/materiality/`).
///
/// A file holds `rules:`, a list of `{id, description, trigger, verdict}`;
/// `trigger` is a mapping with exactly one key (see `docs/revisions.md`).
public struct MaterialityRules: Sendable, Hashable {
  /// Every rule, files in name order and rules in file order within each.
  public var rules: [MaterialityRule]

  /// Makes a rule set from rules already read.
  public init(rules: [MaterialityRule]) {
    self.rules = rules
  }

  /// The folder name under `Questionnaires/`.
  public static let folderName = "materiality"

  /// The folder holding the rule files.
  public static func folder(in resources: Resources) -> URL {
    resources.questionnaires.appendingPathComponent(folderName)
  }

  /// Loads every `*.yaml` file of the folder, checking question ids, choice
  /// kinds and conditions against `questionnaires` (a name must exist in at
  /// least one of them).
  static func load(resources: Resources, questionnaires: [Questionnaire])
    -> (MaterialityRules, [Diagnostic], files: [String])
  {
    var rules: [MaterialityRule] = []
    var diagnostics: [Diagnostic] = []
    var files: [String] = []
    for url in ContentCatalog.yamlFiles(in: folder(in: resources)) {
      let path = resources.display(url)
      files.append(path)
      let (found, problems) = load(url, path: path, questionnaires: questionnaires)
      diagnostics += problems
      for rule in found {
        if let other = rules.first(where: { $0.id == rule.id }) {
          diagnostics.append(
            .error(
              "materiality rule id '\(rule.id)' is also used at \(other.location)",
              at: rule.location))
        } else {
          rules.append(rule)
        }
      }
    }
    return (MaterialityRules(rules: rules), diagnostics.sortedByLocation(), files)
  }

  /// Loads one rule file.
  static func load(_ url: URL, path: String, questionnaires: [Questionnaire])
    -> ([MaterialityRule], [Diagnostic])
  {
    let document: YAMLDocument
    do {
      document = try YAMLDocument(contentsOf: url, path: path)
    } catch {
      return ([], error.diagnostics)
    }
    var reader = YAMLReader(path: path)
    guard let root = document.root else {
      reader.diagnostics.append(.error("the file is empty; expected 'rules:'", at: nil))
      return ([], reader.diagnostics)
    }
    let questions = Self.questions(of: questionnaires)
    var rules: [MaterialityRule] = []
    guard
      let top = reader.mapping(
        root, "a materiality rule file", keys: ["description", "rules"], required: ["rules"]),
      let ruleNodes = top["rules"].flatMap({ reader.sequence($0, "'rules'") })
    else { return ([], reader.diagnostics) }
    for node in ruleNodes {
      if let rule = readRule(node, questions: questions, reader: &reader) {
        if rules.contains(where: { $0.id == rule.id }) {
          reader.error("materiality rule id '\(rule.id)' is used twice", at: node)
        } else {
          rules.append(rule)
        }
      }
    }
    return (rules, reader.diagnostics)
  }

  /// Every top-level question of the questionnaires by id (first wins).
  static func questions(of questionnaires: [Questionnaire]) -> [String: Question] {
    var questions: [String: Question] = [:]
    for questionnaire in questionnaires {
      for question in questionnaire.questions where questions[question.id] == nil {
        questions[question.id] = question
      }
    }
    return questions
  }

  private static func readRule(
    _ node: Node, questions: [String: Question], reader: inout YAMLReader
  ) -> MaterialityRule? {
    guard
      let mapping = reader.mapping(
        node, "a materiality rule", keys: ["id", "description", "trigger", "verdict"],
        required: ["id", "description", "trigger", "verdict"])
    else { return nil }
    let id = mapping["id"].flatMap { reader.identifier($0, "rule id") }
    let description = mapping["description"].flatMap { reader.string($0, "the description") }
    var verdict: MaterialityVerdict?
    if let verdictNode = mapping["verdict"] {
      verdict = RevisionRecord.readEnum(
        verdictNode, MaterialityVerdict.self, "the verdict", reader: &reader)
      if verdict == MaterialityVerdict.none {
        reader.error(
          "a rule's verdict is 'addendum' or 'new_assessment' ('none' is what remains when "
            + "no rule fires)", at: verdictNode)
        verdict = nil
      }
    }
    let trigger = mapping["trigger"].flatMap {
      readTrigger($0, questions: questions, reader: &reader)
    }
    guard let id, let description, let verdict, let trigger else { return nil }
    return MaterialityRule(
      id: id, description: description, trigger: trigger, verdict: verdict,
      location: reader.location(of: node))
  }

  private static func readTrigger(
    _ node: Node, questions: [String: Question], reader: inout YAMLReader
  ) -> MaterialityRule.Trigger? {
    guard let mapping = reader.mapping(node, "a trigger", keys: MaterialityRule.Trigger.keys)
    else { return nil }
    guard mapping.entries.count == 1, let entry = mapping.entries.first else {
      reader.error(
        "a trigger has exactly one of: \(MaterialityRule.Trigger.keys.joined(separator: ", "))"
          + (mapping.entries.isEmpty ? "" : " (found \(mapping.entries.count))"), at: node)
      return nil
    }
    let value = entry.value
    switch entry.key {
    case "changed":
      return target(value, questions: questions, kinds: nil, reader: &reader)
        .map(MaterialityRule.Trigger.changed)
    case "risk_rose":
      guard
        let name = target(
          value, questions: questions, kinds: [.choice, .multiChoice], reader: &reader)
      else { return nil }
      if let question = resolve(name, questions: questions),
        !question.choices.contains(where: { $0.risk != nil })
      {
        reader.error("'\(name)' has no choice with a 'risk'; 'risk_rose' cannot rise", at: value)
        return nil
      }
      return .riskRose(name)
    case "added_choice":
      return target(value, questions: questions, kinds: [.choice, .multiChoice], reader: &reader)
        .map(MaterialityRule.Trigger.addedChoice)
    case "added_entry":
      return target(value, questions: questions, kinds: [.group], reader: &reader)
        .map(MaterialityRule.Trigger.addedEntry)
    case "became":
      guard let parsed = QuestionnaireLoader.condition(value, reader: &reader) else { return nil }
      let problems = ConditionChecker(available: questions).check(
        parsed.condition, at: parsed.location)
      reader.diagnostics += problems
      return problems.hasErrors ? nil : .became(parsed.condition)
    case "overall_residual_rose", "overall_inherent_rose":
      guard let flag = reader.boolean(value, "'\(entry.key)'") else { return nil }
      guard flag else {
        reader.error("'\(entry.key)' can only be true (leave the rule out instead)", at: value)
        return nil
      }
      return entry.key == "overall_residual_rose" ? .overallResidualRose : .overallInherentRose
    case "finding_appeared":
      guard let name = reader.string(value, "the risk rule id (or 'any')") else { return nil }
      return .findingAppeared(name == "any" ? nil : name)
    default:  // "vendor_fact_changed"; unknown keys were reported by `mapping`.
      guard let name = reader.string(value, "the vendor fact (or 'any')") else { return nil }
      return .vendorFactChanged(name == "any" ? nil : name)
    }
  }

  /// A question (`q`) or a group field (`group.field`).
  static func resolve(_ name: String, questions: [String: Question]) -> Question? {
    let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
    guard let question = questions[parts[0]] else { return nil }
    if parts.count == 1 { return question }
    return question.field(parts[1])
  }

  private static func target(
    _ node: Node, questions: [String: Question], kinds: [Question.Kind]?,
    reader: inout YAMLReader
  ) -> String? {
    guard let name = reader.string(node, "the question id") else { return nil }
    let parts = name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
      .map(String.init)
    guard let question = questions[parts[0]] else {
      reader.error(
        "'\(parts[0])' is not a question of any questionnaire"
          + Spelling.didYouMean(parts[0], among: questions.keys.sorted()), at: node)
      return nil
    }
    var resolved = question
    if parts.count == 2 {
      guard question.kind == .group else {
        reader.error(
          "'\(parts[0])' is not a repeating group, so '\(name)' names nothing", at: node)
        return nil
      }
      guard let field = question.field(parts[1]) else {
        reader.error(
          "'\(parts[1])' is not a question of the group '\(parts[0])'"
            + Spelling.didYouMean(parts[1], among: question.fields.map(\.id)), at: node)
        return nil
      }
      resolved = field
    }
    if let kinds, !kinds.contains(resolved.kind) {
      let names = kinds.map(\.rawValue).joined(separator: " or ")
      reader.error(
        "'\(name)' is \(resolved.kind.rawValue); this trigger needs \(names)", at: node)
      return nil
    }
    return name
  }
}
