import PropertyBased
import Testing

@testable import PIAKit

/// The engine is monotone: one answer made one step riskier never lowers any
/// finding's level or the overall level (and so putting a mitigation in place
/// never raises one). Checked over thousands of generated answer sets for
/// both shipped questionnaires.
@Suite struct MonotonicityTests {
  /// A small deterministic generator (SplitMix64) driven by the property
  /// test's seed, so a failing case is reproducible from the seed.
  struct Random {
    var generator: SplitMix64
    init(state: UInt64) { generator = SplitMix64(seed: state) }
    mutating func next() -> UInt64 { generator.next() }
    mutating func int(_ upper: Int) -> Int { Int(next() % UInt64(max(1, upper))) }
    mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
  }

  /// A value for `question`, or nil (unanswered) now and then.
  static func value(for question: Question, random: inout Random) -> AnswerValue? {
    if question.kind != .group && random.chance(8) { return nil }
    switch question.kind {
    case .choice:
      // A data flow's system: one of the generated systems (named like flows).
      if question.choicesFrom != nil { return .choice("flow-\(random.int(3) + 1)") }
      guard !question.choices.isEmpty else { return nil }
      return .choice(question.choices[random.int(question.choices.count)].id)
    case .multiChoice:
      return .choices(question.choices.map(\.id).filter { _ in random.chance(30) })
    case .yesNo:
      return .bool(random.chance(50))
    case .text, .longText:
      return random.chance(50) ? .text("Someone") : nil
    case .number:
      return .number(Double(30 + random.int(400)))
    case .date:
      return .date(CalendarDate(daysSinceEpoch: 20_000 + random.int(600)))
    case .group:
      let count = random.int(4)
      return .entries(
        (0..<count).map { index in
          var values: [String: AnswerValue] = [:]
          for field in question.fields {
            if let value = value(for: field, random: &random) { values[field.id] = value }
          }
          return GroupEntry(id: "flow-\(index + 1)", values: values)
        })
    }
  }

  /// Answers for every question (hidden ones included: the engine drops them).
  static func answers(for questionnaire: Questionnaire, random: inout Random) -> [String:
    AnswerValue]
  {
    var answers: [String: AnswerValue] = [:]
    for question in questionnaire.questions {
      if question.id == "uses_ai_tool" {
        answers[question.id] = .bool(random.chance(85))
        continue
      }
      if question.id == "ai_vendor" {
        let vendors = ["anthropic", "openai", "microsoft", "google", "other"]
        answers[question.id] = .choice(vendors[random.int(vendors.count)])
        continue
      }
      if let value = value(for: question, random: &random) { answers[question.id] = value }
    }
    return answers
  }

  /// Every way to make one answer one step riskier.
  static func riskierSteps(_ value: AnswerValue, _ question: Question) -> [AnswerValue] {
    switch (question.kind, value) {
    case (.choice, .choice(let id)):
      guard let risk = question.choice(id)?.risk else { return [] }
      return question.choices.filter { ($0.risk ?? Int.min) > risk }.map { .choice($0.id) }
    case (.multiChoice, .choices(let ids)):
      return question.choices.map(\.id).filter { !ids.contains($0) }.map { .choices(ids + [$0]) }
    case (.yesNo, .bool(let flag)):
      guard let safer = question.saferAnswer, flag == safer else { return [] }
      return [.bool(!safer)]
    default:
      return []
    }
  }

  /// Gates that change which part of the questionnaire applies rather than
  /// making an answer riskier: answering yes to `uses_ai_tool` swaps the
  /// general PIA's "online tools outside this assessment" question for the AI
  /// sections, and (with no personal information reaching the tool) hides the
  /// quick assessment's inventory. Their safe answer still serves to tell a
  /// finding of fact from one not yet established.
  static let gates: Set<String> = ["uses_ai_tool"]

  /// Every answer set one step riskier than `answers`, with what changed.
  static func neighbours(_ answers: [String: AnswerValue], _ questionnaire: Questionnaire)
    -> [(String, [String: AnswerValue])]
  {
    var result: [(String, [String: AnswerValue])] = []
    for question in questionnaire.questions where !gates.contains(question.id) {
      guard let value = answers[question.id] else { continue }
      if question.kind == .group, case .entries(let entries) = value {
        // Adding an entry (a copy of the first, under a new id) is riskier too.
        if let first = entries.first {
          var next = answers
          next[question.id] = .entries(
            entries + [GroupEntry(id: "flow-added", values: first.values)])
          result.append(("\(question.id): add an entry", next))
        }
        for (index, entry) in entries.enumerated() {
          for field in question.fields {
            guard let fieldValue = entry.values[field.id] else { continue }
            for step in riskierSteps(fieldValue, field) {
              var changed = entries
              changed[index].values[field.id] = step
              var next = answers
              next[question.id] = .entries(changed)
              result.append(
                ("\(question.id)[\(entry.id)].\(field.id): \(fieldValue) → \(step)", next))
            }
          }
        }
        continue
      }
      for step in riskierSteps(value, question) {
        var next = answers
        next[question.id] = step
        result.append(("\(question.id): \(value) → \(step)", next))
      }
    }
    return result
  }

  /// What went down from `before` to `after`, if anything.
  static func decreases(_ before: Assessment, _ after: Assessment) -> [String] {
    var problems: [String] = []
    if after.overallInherent < before.overallInherent {
      problems.append("overall inherent \(before.overallInherent) → \(after.overallInherent)")
    }
    if after.overallResidual < before.overallResidual {
      problems.append("overall residual \(before.overallResidual) → \(after.overallResidual)")
    }
    let order: [Screening.Outcome] = [.notNeeded, .recommended, .required]
    if let was = order.firstIndex(of: before.screening.outcome),
      let now = order.firstIndex(of: after.screening.outcome), now < was
    {
      problems.append("screening \(before.screening.outcome) → \(after.screening.outcome)")
    }
    let later = Dictionary(after.findings.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    for finding in before.findings {
      guard let next = later[finding.key] else {
        problems.append("finding \(finding.key) disappeared")
        continue
      }
      if next.inherent < finding.inherent || next.residual < finding.residual {
        problems.append(
          "finding \(finding.key) \(finding.inherent)/\(finding.residual) → "
            + "\(next.inherent)/\(next.residual)")
      }
      if finding.blocker && !next.blocker {
        problems.append("finding \(finding.key) is no longer a compliance blocker")
      }
    }
    return problems
  }

  func check(_ questionnaireID: String, seed: UInt64) {
    let engine = RiskFixtures.engine(questionnaireID)
    var random = Random(state: seed)
    let answers = Self.answers(for: engine.questionnaire, random: &random)
    let steps = Self.neighbours(answers, engine.questionnaire)
    guard !steps.isEmpty else { return }
    let before = engine.assess(answers: answers, asOf: RiskFixtures.date)
    // One random step per answer set (plus a second one) keeps thousands of
    // sets fast; across the run every kind of step is taken many times.
    for _ in 0..<2 {
      let (change, riskier) = steps[random.int(steps.count)]
      let after = engine.assess(answers: riskier, asOf: RiskFixtures.date)
      let problems = Self.decreases(before, after)
      #expect(problems.isEmpty, "seed \(seed), \(change): \(problems)")
    }
  }

  @Test func aiAssessmentIsMonotone() async {
    await propertyCheck(count: 3000, input: Gen.uint64()) { seed in
      check("ai-assistant", seed: seed)
    }
  }

  @Test func generalPIAIsMonotone() async {
    await propertyCheck(count: 2000, input: Gen.uint64()) { seed in
      check("mfippa-pia", seed: seed)
    }
  }

  /// Exhaustive over every one-step change of a few fixed answer sets.
  @Test func everyStepFromTheExamplesIsMonotone() {
    let engine = RiskFixtures.engine()
    for base in [
      RiskFixtures.safePilot, RiskFixtures.withFlow(),
      RiskFixtures.withFlow(["authority": .choice("none")]).with(["plan_tier": .choice("pro")]),
    ] {
      let before = engine.assess(answers: base, asOf: RiskFixtures.date)
      for (change, riskier) in Self.neighbours(base, engine.questionnaire) {
        let after = engine.assess(answers: riskier, asOf: RiskFixtures.date)
        let problems = Self.decreases(before, after)
        #expect(problems.isEmpty, "\(change): \(problems)")
      }
    }
  }
}
