/// Which judgment questions of a questionnaire the risk rules score: every
/// yes/no, choice and multiple-choice question (sub-questions of repeating
/// groups included) is either named by a rule applying to the questionnaire
/// (its file `when`, its `when`, a `raise`, a `blocker_when` or a
/// mitigation's `in_place_when`) or declares `scored: false` with a `why`.
///
/// `pia validate` reports every question that does neither, and every
/// declaration that a rule contradicts; `pia validate --coverage` prints the
/// report and fails when fewer than ``minimumShare`` of a questionnaire's
/// judgment questions are scored. A mitigation's `applies_when` routes which
/// mitigations fit the tool and does not count as scoring.
public struct CoverageReport: Sendable, Hashable {
  /// How one judgment question is covered.
  public enum Status: Sendable, Hashable {
    /// Named by these rules (ids, in rule order).
    case scored(by: [String])
    /// Declared `scored: false`, with the declared reason.
    case notScored(why: String)
    /// Neither: an error.
    case missing
  }

  /// One judgment question.
  public struct Entry: Sendable, Hashable {
    /// The question id, or `group.field` for a sub-question.
    public var path: String
    /// The question as the questionnaire defines it.
    public var question: Question
    /// Scored, declared not scored, or neither (a problem).
    public var status: Status
  }

  /// The least share of judgment questions that must be scored, per questionnaire.
  public static let minimumShare = 0.85

  /// The id of the questionnaire covered (`ai-assistant`).
  public var questionnaireID: String
  /// Every judgment question, in questionnaire order.
  public var entries: [Entry]
  /// Problems found: missing questions, `scored: false` contradicted by a
  /// rule, scored questions with no safe answer.
  public var diagnostics: [Diagnostic]

  /// Builds the report for `questionnaire` from every rule in `rules` that
  /// applies to it.
  public init(questionnaire: Questionnaire, rules: [RiskRule]) {
    questionnaireID = questionnaire.id
    let applicable = rules.filter { $0.questionnaires.contains(questionnaire.id) }
    var scoredBy: [String: [String]] = [:]
    for rule in applicable {
      for path in Self.scoredPaths(of: rule, in: questionnaire)
      where scoredBy[path]?.last != rule.id {
        scoredBy[path, default: []].append(rule.id)
      }
    }
    var entries: [Entry] = []
    var diagnostics: [Diagnostic] = []
    func add(_ question: Question, path: String) {
      guard question.isJudgment else { return }
      let rules = scoredBy[path] ?? []
      let status: Status
      if !question.scored {
        status = .notScored(why: question.why ?? "")
        if let first = rules.first {
          diagnostics.append(
            .error(
              "'\(path)' declares 'scored: false' but rule '\(first)' scores it; remove "
                + "'scored: false' and 'why', or stop naming it in the rule",
              at: question.scoredLocation ?? question.location))
        }
      } else if rules.isEmpty {
        status = .missing
        diagnostics.append(
          .error(
            "judgment question '\(path)' (\(question.kind.rawValue)) is named by no risk rule "
              + "of questionnaire '\(questionnaire.id)'; write a rule that scores it, or "
              + "declare 'scored: false' with a one-line 'why'", at: question.location))
      } else {
        status = .scored(by: rules)
        if question.safeAnswer == nil {
          diagnostics.append(
            .error(
              "scored question '\(path)' has no safe answer: give it 'safer_answer' (yes/no) "
                + "or a 'risk' on its choices, so an unanswered '\(path)' can be told apart "
                + "from a finding of fact", at: question.location))
        }
      }
      entries.append(Entry(path: path, question: question, status: status))
    }
    for question in questionnaire.questions {
      add(question, path: question.id)
      for field in question.fields { add(field, path: "\(question.id).\(field.id)") }
    }
    self.entries = entries
    var seen: Set<Diagnostic> = []
    self.diagnostics = diagnostics.filter { seen.insert($0).inserted }
  }

  /// The judgment questions a rule scores, as `id` or `group.field`.
  static func scoredPaths(of rule: RiskRule, in questionnaire: Questionnaire) -> [String] {
    var conditions: [Condition] = [rule.when]
    if let fileWhen = rule.fileWhen { conditions.append(fileWhen) }
    conditions += rule.raises.map(\.when)
    if let blockerWhen = rule.blockerWhen { conditions.append(blockerWhen) }
    conditions += rule.mitigations.map(\.inPlaceWhen)
    var paths: [String] = []
    for (index, condition) in conditions.enumerated() {
      // A file-level `when` is evaluated over the whole answer set.
      let scope = index == 1 && rule.fileWhen != nil ? nil : rule.forEach
      for (reference, group) in condition.references(in: scope)
      where reference.kind != .vendorFact {
        if let group, let question = questionnaire.question(group),
          question.field(reference.name) != nil
        {
          paths.append("\(group).\(reference.name)")
        } else if let group, let question = questionnaire.question(group),
          let source = Self.pickedGroup(holding: reference.name, from: question, in: questionnaire)
        {
          // A data flow's rule naming its system's answer (`choices_from`).
          paths.append("\(source).\(reference.name)")
        } else {
          paths.append(reference.name)
        }
      }
    }
    return paths
  }

  /// The group whose entries `group`'s entries pick (`choices_from`) and
  /// that has a field `name`: where a name in a `for_each: group` rule
  /// resolves when the entry itself has no such field.
  static func pickedGroup(
    holding name: String, from group: Question, in questionnaire: Questionnaire
  )
    -> String?
  {
    for field in group.fields {
      guard let source = field.choicesFrom, let picked = questionnaire.question(source),
        picked.field(name) != nil
      else { continue }
      return source
    }
    return nil
  }

  /// The judgment questions counted.
  public var total: Int { entries.count }
  /// How many are scored.
  public var scoredCount: Int {
    entries.filter { if case .scored = $0.status { return true } else { return false } }.count
  }
  /// The declared `scored: false` questions.
  public var notScored: [Entry] {
    entries.filter { if case .notScored = $0.status { return true } else { return false } }
  }
  /// The questions neither scored nor declared.
  public var missing: [Entry] { entries.filter { $0.status == .missing } }
  /// `scoredCount / total` (1 when there is no judgment question).
  public var share: Double { total == 0 ? 1 : Double(scoredCount) / Double(total) }
  /// Whether the questionnaire meets ``minimumShare`` with nothing missing.
  public var passes: Bool { missing.isEmpty && share >= Self.minimumShare }

  /// The block `pia validate --coverage` prints for this questionnaire.
  public var text: String {
    let percent = (share * 1000).rounded() / 10
    var lines = [
      "\(questionnaireID): \(scoredCount) of \(total) judgment questions scored "
        + "(\(percent) %; at least \(Int(Self.minimumShare * 100)) % needed), "
        + "\(notScored.count) not scored, \(missing.count) missing"
        + (passes ? "" : " — FAILS")
    ]
    for entry in notScored {
      if case .notScored(let why) = entry.status {
        lines.append("  not scored: \(entry.path) — \(why)")
      }
    }
    for entry in missing {
      lines.append("  missing: \(entry.path) (\(entry.question.location))")
    }
    return lines.joined(separator: "\n")
  }
}
