/// What changed between two versions of an assessment — answers, findings,
/// levels, vendor facts — and whether the change is material. `pia diff`
/// prints it; the full report's "Changes since version N" section and the
/// council appendix's short form show it.
public struct ChangeSummary: Sendable, Hashable {
  /// What the comparison starts from ("version 1", or a file path).
  public var fromLabel: String
  /// What it ends at ("version 2 (current)", or a file path).
  public var toLabel: String
  /// The version compared against, when it is one of the file's versions.
  public var fromVersion: Int?
  /// The canonical hash of the earlier answers.
  public var fromHash: AnswersHash
  /// The canonical hash of the later answers.
  public var toHash: AnswersHash
  /// The answers added, removed or changed, in questionnaire order.
  public var answers: [AnswerChange]
  /// Empty when the versions were not scored.
  public var findings: [FindingChange]
  /// The overall residual level before and after; `nil` when not scored.
  public var overallResidual: LevelMovement?
  /// The overall inherent level before and after; `nil` when not scored.
  public var overallInherent: LevelMovement?
  /// The verdict before and after (`proceed`, `incomplete`, …); `nil` when
  /// not scored. A changed verdict is always reported.
  public var verdict: VerdictMovement?
  /// Vendor facts of the assessed tier added, removed or changed, by name.
  public var vendorFacts: [FactChange]
  /// Whether the change needs an addendum or a new assessment, and which rules say so.
  public var materiality: Materiality
  /// The next review date of the later version (the one every document prints:
  /// `ReviewPolicy.nextReview(answers:assessedOn:residual:)`); `nil` when not scored.
  public var nextReview: CalendarDate?

  /// Compares two versions.
  ///
  /// - Parameters:
  ///   - old: The earlier answers.
  ///   - new: The later answers.
  ///   - questionnaire: The questionnaire both answer (for prompts and labels).
  ///   - scores: The two scored assessments, when the risk engine ran.
  ///   - facts: The vendor facts each score used.
  ///   - rules: The materiality rules.
  ///   - date: The date the next review is counted from.
  public init(
    from old: [String: AnswerValue], to new: [String: AnswerValue],
    questionnaire: Questionnaire, scores: (old: Assessment, new: Assessment)? = nil,
    facts: (old: [String: AnswerValue], new: [String: AnswerValue]) = ([:], [:]),
    rules: MaterialityRules, date: CalendarDate? = nil, fromLabel: String = "the earlier version",
    toLabel: String = "the current version", fromVersion: Int? = nil
  ) {
    self.fromLabel = fromLabel
    self.toLabel = toLabel
    self.fromVersion = fromVersion
    fromHash = AnswersHash(old)
    toHash = AnswersHash(new)
    answers = AnswersDiff.compare(old, new, questionnaire: questionnaire)
    if let scores {
      findings = AssessmentDiff.findings(scores.old, scores.new)
      overallResidual = LevelMovement(
        from: scores.old.overallResidual, to: scores.new.overallResidual)
      overallInherent = LevelMovement(
        from: scores.old.overallInherent, to: scores.new.overallInherent)
      verdict = VerdictMovement(from: scores.old.conclusion, to: scores.new.conclusion)
      nextReview =
        ReviewPolicy.nextReview(
          answers: new, assessedOn: date ?? scores.new.asOf, residual: scores.new.overallResidual
        ).date
    } else {
      findings = []
      overallResidual = nil
      overallInherent = nil
      verdict = nil
      nextReview = nil
    }
    vendorFacts = AssessmentDiff.facts(facts.old, facts.new)
    materiality = Materiality(verdict: .none, reasons: [])
    // Materiality sees each data flow with its system's answers (a system
    // moved outside Canada moves every flow that uses it).
    materiality = rules.evaluate(
      self, old: questionnaire.resolvingReferences(old),
      new: questionnaire.resolvingReferences(new), questionnaire: questionnaire, facts: facts)
  }

  /// Whether nothing changed at all.
  public var isEmpty: Bool {
    answers.isEmpty && findings.isEmpty && vendorFacts.isEmpty
      && (overallResidual.map { !$0.rose && !$0.fell } ?? true)
      && (overallInherent.map { !$0.rose && !$0.fell } ?? true)
      && (verdict.map { !$0.changed } ?? true)
  }

  /// The findings only the later score has, in its order.
  public var findingsAppeared: [FindingChange] { findings.filter { $0.kind == .appeared } }
  /// The findings only the earlier score has, in its order.
  public var findingsDisappeared: [FindingChange] { findings.filter { $0.kind == .disappeared } }
  /// The findings in both scores whose inherent or residual level moved.
  public var findingsMoved: [FindingChange] { findings.filter { $0.kind == .moved } }
}

/// The verdict of two versions of an assessment.
public struct VerdictMovement: Sendable, Hashable {
  /// The earlier verdict.
  public var from: AssessmentVerdict
  /// The later verdict.
  public var to: AssessmentVerdict
  /// The verdicts as printed (with any acceptance of the residual risk).
  public var fromLabel: String
  /// The later verdict as printed.
  public var toLabel: String

  /// Makes a movement from two conclusions.
  public init(from old: Conclusion, to new: Conclusion) {
    from = old.verdict
    to = new.verdict
    fromLabel = old.label
    toLabel = new.label
  }

  /// Whether the verdict (or its printed form) changed.
  public var changed: Bool { from != to || fromLabel != toLabel }
}

extension MaterialityRules {
  /// The verdict for a comparison: every rule that fires, in rule order, and
  /// the strongest verdict among them (`none` when none fires).
  public func evaluate(
    _ summary: ChangeSummary, old: [String: AnswerValue], new: [String: AnswerValue],
    questionnaire: Questionnaire,
    facts: (old: [String: AnswerValue], new: [String: AnswerValue]) = ([:], [:])
  ) -> Materiality {
    var reasons: [MaterialityReason] = []
    for rule in rules {
      guard
        let detail = Self.fires(
          rule.trigger, summary: summary, old: old, new: new, questionnaire: questionnaire,
          facts: facts)
      else { continue }
      reasons.append(
        MaterialityReason(
          rule: rule.id, description: rule.description, verdict: rule.verdict, detail: detail))
    }
    let verdict = reasons.map(\.verdict).max() ?? MaterialityVerdict.none
    return Materiality(verdict: verdict, reasons: reasons)
  }

  /// What made the trigger fire, or `nil` when it does not.
  static func fires(
    _ trigger: MaterialityRule.Trigger, summary: ChangeSummary, old: [String: AnswerValue],
    new: [String: AnswerValue], questionnaire: Questionnaire,
    facts: (old: [String: AnswerValue], new: [String: AnswerValue])
  ) -> String? {
    switch trigger {
    case .changed(let target):
      let parts = split(target)
      guard let change = summary.answers.first(where: { $0.questionID == parts.question })
      else { return nil }
      guard let field = parts.field else {
        return "\(change.prompt): \(change.fromText ?? "not answered") → "
          + "\(change.toText ?? "not answered")"
      }
      for entry in change.entries {
        if let fieldChange = entry.fields.first(where: { $0.fieldID == field }) {
          return "\(entry.label), \(fieldChange.prompt): "
            + "\(fieldChange.fromText ?? "not answered") → \(fieldChange.toText ?? "not answered")"
        }
      }
      return nil
    case .riskRose(let target):
      guard let question = question(target, in: questionnaire) else { return nil }
      let before = maxRisk(choiceIDs(target, in: old), question: question)
      let after = maxRisk(choiceIDs(target, in: new), question: question)
      guard let after, after.risk > (before?.risk ?? Int.min) else { return nil }
      // Labels only: documents and `pia diff` speak in answers and levels, never in the
      // choices' internal risk numbers.
      let was = before.map { question.label(ofChoice: $0.id) }
      return "\(question.prompt): \(was ?? "not answered") → "
        + "\(question.label(ofChoice: after.id)), a riskier answer"
    case .addedChoice(let target):
      guard let question = question(target, in: questionnaire) else { return nil }
      let before = Set(choiceIDs(target, in: old))
      let added = uniqued(choiceIDs(target, in: new).filter { !before.contains($0) })
      guard !added.isEmpty else { return nil }
      return "\(question.prompt): added "
        + added.map { question.label(ofChoice: $0) }.joined(separator: "; ")
    case .addedEntry(let group):
      guard case .entries(let entries)? = new[group] else { return nil }
      var oldIDs: Set<String> = []
      if case .entries(let previous)? = old[group] { oldIDs = Set(previous.map(\.id)) }
      let added = entries.filter { !oldIDs.contains($0.id) }
      guard !added.isEmpty, let question = questionnaire.question(group) else { return nil }
      return "added "
        + added.map { AnswersDiff.label(of: $0, group: question) }
        .joined(separator: "; ")
    case .became(let condition):
      let before = condition.evaluate(in: AnswerEnvironment(answers: old, facts: facts.old))
      let after = condition.evaluate(in: AnswerEnvironment(answers: new, facts: facts.new))
      guard !before, after else { return nil }
      let names = Set(condition.references().map(\.reference.name))
      let changes = summary.answers.filter { names.contains($0.questionID) }.map {
        "\($0.prompt): \($0.fromText ?? "not answered") → \($0.toText ?? "not answered")"
      }
      return changes.isEmpty ? "now holds, and did not before" : changes.joined(separator: "; ")
    case .overallResidualRose:
      guard let movement = summary.overallResidual, movement.rose else { return nil }
      return "overall residual level \(movement.from) → \(movement.to)"
    case .overallInherentRose:
      guard let movement = summary.overallInherent, movement.rose else { return nil }
      return "overall inherent level \(movement.from) → \(movement.to)"
    case .findingAppeared(let ruleID):
      let appeared = summary.findingsAppeared.filter { finding in
        guard let ruleID else { return true }
        return finding.key == ruleID || finding.key.hasPrefix(ruleID + "@")
      }
      guard !appeared.isEmpty else { return nil }
      return "new finding: "
        + appeared.map { "\($0.title) (\($0.residualText))" }
        .joined(separator: "; ")
    case .vendorFactChanged(let name):
      let changed = summary.vendorFacts.filter { name == nil || $0.name == name }
      guard !changed.isEmpty else { return nil }
      return "vendor facts changed: "
        + changed.map { change in
          let from = change.from?.plainDescription ?? "unknown"
          let to = change.to?.plainDescription ?? "unknown"
          return "\(change.name.replacingOccurrences(of: "_", with: " ")) \(from) → \(to)"
        }.joined(separator: "; ")
    }
  }

  private static func split(_ target: String) -> (question: String, field: String?) {
    let parts = target.split(separator: ".", maxSplits: 1).map(String.init)
    return (parts[0], parts.count > 1 ? parts[1] : nil)
  }

  private static func question(_ target: String, in questionnaire: Questionnaire) -> Question? {
    let parts = split(target)
    guard let question = questionnaire.question(parts.question) else { return nil }
    guard let field = parts.field else { return question }
    return question.field(field)
  }

  /// The choice ids an answer (or a group field across all entries) selects.
  private static func choiceIDs(_ target: String, in answers: [String: AnswerValue]) -> [String] {
    let parts = split(target)
    guard let field = parts.field else { return AnswersDiff.choiceIDs(answers[parts.question]) }
    guard case .entries(let entries)? = answers[parts.question] else { return [] }
    return entries.flatMap { AnswersDiff.choiceIDs($0.values[field]) }
  }

  private static func maxRisk(_ ids: [String], question: Question) -> (id: String, risk: Int)? {
    var best: (id: String, risk: Int)?
    for id in ids {
      let risk = question.choice(id)?.risk ?? 0
      if best == nil || risk > best?.risk ?? .min { best = (id, risk) }
    }
    return best
  }

  private static func uniqued(_ ids: [String]) -> [String] {
    var seen: Set<String> = []
    return ids.filter { seen.insert($0).inserted }
  }
}
