extension ChangeSummary {
  /// Compares two versions, scoring both with the same risk engine.
  ///
  /// - Parameters:
  ///   - old: The earlier answers.
  ///   - new: The later answers.
  ///   - engine: The risk engine (its questionnaire, rules and vendor facts).
  ///   - rules: The materiality rules.
  ///   - oldDate: The date to score the earlier answers as of.
  ///   - newDate: The date to score the later answers as of (the next review
  ///     is counted from it).
  public static func scored(
    from old: [String: AnswerValue], to new: [String: AnswerValue], engine: RiskEngine,
    rules: MaterialityRules, oldDate: CalendarDate, newDate: CalendarDate,
    fromLabel: String, toLabel: String, fromVersion: Int? = nil
  ) -> ChangeSummary {
    let oldScore = engine.assess(answers: old, asOf: oldDate)
    let newScore = engine.assess(answers: new, asOf: newDate)
    return ChangeSummary(
      from: old, to: new, questionnaire: engine.questionnaire, scores: (oldScore, newScore),
      facts: (vendorFacts(old, engine: engine), vendorFacts(new, engine: engine)), rules: rules,
      date: newDate, fromLabel: fromLabel, toLabel: toLabel, fromVersion: fromVersion)
  }

  /// The vendor facts a score of `answers` uses (those of the answered vendor
  /// and plan tier), by fact name: a change of tier shows as the facts whose
  /// values differ between the two tiers.
  public static func vendorFacts(_ answers: [String: AnswerValue], engine: RiskEngine)
    -> [String: AnswerValue]
  {
    let effective = engine.effectiveAnswers(answers)
    var vendor: String?
    var tier: String?
    if case .choice(let id)? = effective[RiskEngine.vendorQuestion] { vendor = id }
    if case .choice(let id)? = effective[RiskEngine.tierQuestion] { tier = id }
    return engine.vendors.facts(vendor: vendor, tier: tier).mapValues(\.value)
  }
}
