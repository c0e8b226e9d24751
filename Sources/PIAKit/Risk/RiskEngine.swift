/// Scores an answer set: runs every rule (per entry for `for_each` rules),
/// applies raises and mitigations in place, aggregates the overall level,
/// turns open mitigations into actions, screens, draws the conclusion and
/// reports the vendor facts' check status.
///
/// The engine is monotone by construction as long as rules are written as
/// `docs/risk-method.md` asks: raises only raise, mitigations only lower,
/// the overall level is a maximum, and blockers only hold it up. A finding
/// that fires only because a question is unanswered keeps its level (an
/// unanswered question ranks at least as risky as its safe answer) but is
/// marked "not yet established" and puts the question on the incomplete list.
public struct RiskEngine: Sendable {
  /// The questionnaire the answers belong to; gives choice labels for screening reasons.
  public var questionnaire: Questionnaire
  /// The rules that apply to `questionnaire`, in catalogue order.
  public var rules: [RiskRule]
  /// The vendor files; the assessed vendor and tier pick the facts conditions read.
  public var vendors: VendorCatalogue
  /// Prints the citations in the conclusion's reasons.
  public var law: LawCatalogue

  /// The vendor and plan-tier questions that pick the vendor facts.
  public static let vendorQuestion = "ai_vendor"
  /// The plan-tier question; its choice ids are tier ids in the vendor file.
  public static let tierQuestion = "plan_tier"
  /// The date and name answers that record the municipality's own check of
  /// the vendor facts.
  public static let factsCheckedQuestion = "vendor_facts_checked"
  /// The name answer recording who checked the vendor facts.
  public static let factsCheckedByQuestion = "vendor_facts_checked_by"
  /// The default age, in days, after which a vendor fact is reported stale.
  public static let defaultStaleAfterDays = 180

  /// Makes an engine for one questionnaire, keeping only the rules that name it.
  public init(
    questionnaire: Questionnaire, rules: [RiskRule], vendors: VendorCatalogue,
    law: LawCatalogue = LawCatalogue()
  ) {
    self.questionnaire = questionnaire
    self.rules = rules.filter { $0.questionnaires.contains(questionnaire.id) }
    self.vendors = vendors
    self.law = law
  }

  /// Scores `answers` as of `asOf`.
  ///
  /// - Parameters:
  ///   - answers: The answers by question id, as the answers file holds them (data flows name
  ///     their system by entry id; the engine sees the system's answers inside each flow).
  ///   - asOf: The assessment date: which provisions the reasons may cite (no bill not yet
  ///     introduced), and what vendor-fact ages count up to.
  ///   - staleAfterDays: The age, in days, after which a vendor fact's check is stale.
  /// - Returns: The findings, overall levels, actions, screening, conclusion and vendor-fact
  ///   status.
  public func assess(
    answers raw: [String: AnswerValue], asOf: CalendarDate,
    staleAfterDays: Int = RiskEngine.defaultStaleAfterDays
  ) -> Assessment {
    let view = answerView(raw)
    let answers = view.answers
    let vendorID = Self.choice(answers[Self.vendorQuestion])
    let tierID = Self.choice(answers[Self.tierQuestion])
    let facts = vendors.facts(vendor: vendorID, tier: tierID)
    let advice = vendorID.flatMap { vendors.vendor($0)?.advice } ?? [:]
    let environment = AnswerEnvironment(answers: answers, facts: facts.mapValues(\.value))

    var findings: [Finding] = []
    var pendingAnswers: [Conclusion.MissingAnswer] = []
    var mitigationSources: [String: (RiskRule.Mitigation, [any ConditionEnvironment])] = [:]
    var mitigationOrder: [String] = []
    var openByMitigation: [String: [(key: String, level: RiskLevel)]] = [:]

    // The rules read the answers and nothing else, so they are evaluated at the same time
    // (a rule over 1,000 data flows is most of the work) and gathered in rule order: the
    // findings, missing answers and actions are those of one pass.
    let fired = rules.concurrentMap { rule in
      fire(rule, environment: environment, view: view)
    }
    for (rule, firings) in zip(rules, fired) {
      for firing in firings {
        var finding = firing.finding
        let (unanswered, context) = (firing.unanswered, firing.context)
        if !unanswered.isEmpty {
          finding.established = false
          finding.unanswered = unanswered.map(\.question)
          pendingAnswers += unanswered.map {
            var missing = $0
            missing.because = finding.key
            return missing
          }
        }
        for status in finding.mitigations where !status.inPlace {
          guard let mitigation = rule.mitigations.first(where: { $0.id == status.id }) else {
            continue
          }
          if mitigationSources[mitigation.id] == nil {
            mitigationOrder.append(mitigation.id)
            mitigationSources[mitigation.id] = (mitigation, [])
          }
          mitigationSources[mitigation.id]?.1.append(context)
          openByMitigation[mitigation.id, default: []].append((finding.key, finding.residual))
        }
        findings.append(finding)
      }
    }
    findings.sort {
      ($0.residual, $0.inherent) != ($1.residual, $1.inherent)
        ? ($0.residual, $0.inherent) > ($1.residual, $1.inherent) : $0.key < $1.key
    }

    let actions = mitigationOrder.compactMap { id -> Action? in
      guard let (mitigation, contexts) = mitigationSources[id], let open = openByMitigation[id]
      else { return nil }
      let owner = mitigation.ownerQuestion.flatMap { question in
        contexts.lazy.compactMap { Self.text($0.answer(question)) }.first
      }
      let due = mitigation.dueQuestion.flatMap { question in
        contexts.lazy.compactMap { context -> CalendarDate? in
          if case .date(let date)? = context.answer(question) { return date }
          return nil
        }.first
      }
      return Action(
        id: id, title: mitigation.title, findings: open.map(\.key),
        priority: open.map(\.level).max() ?? .low, owner: owner, due: due,
        vendorStep: advice[id])
    }.sorted { $0.priority != $1.priority ? $0.priority > $1.priority : $0.id < $1.id }

    let (overallInherent, overallResidual, setBy, derivation) = aggregate(findings)
    let screening = screen(answers)
    var missing = requiredUnanswered(view)
    var listed = Set(missing.map(\.question))
    for item in pendingAnswers where listed.insert(item.question).inserted {
      missing.append(item)
    }
    let printer = CitationPrinter(law: law, on: asOf)
    let conclusion = Conclusion.draw(
      findings: findings, missing: missing, residual: overallResidual,
      openActions: actions.filter { $0.status == "open" }.count,
      noPersonalInformation: screening.outcome == .notNeeded,
      cite: { printer.citable([$0]).isEmpty ? "" : printer.cite($0) })
    let check = factCheck(
      answers: answers, facts: facts, vendor: vendorID, tier: tierID, asOf: asOf,
      days: staleAfterDays)
    return Assessment(
      questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version, asOf: asOf,
      screening: screening, findings: findings, overallInherent: overallInherent,
      overallResidual: overallResidual, setBy: setBy, derivation: derivation, actions: actions,
      staleFacts: check.stale, conclusion: conclusion, vendorFacts: check.status)
  }

  /// One place a rule fires: the finding, the answers it waits for, and the answers it was
  /// evaluated in.
  private struct Firing {
    var finding: Finding
    var unanswered: [Conclusion.MissingAnswer]
    var context: any ConditionEnvironment
  }

  /// Where `rule` fires: for each entry of its group, or once.
  private func fire(_ rule: RiskRule, environment: AnswerEnvironment, view: AnswerView)
    -> [Firing]
  {
    if let fileWhen = rule.fileWhen, !fileWhen.evaluate(in: environment) { return [] }
    var contexts: [(entry: GroupEntry?, index: Int, environment: any ConditionEnvironment)] = []
    if let group = rule.forEach {
      guard case .entries(let entries)? = environment.answers[group] else { return [] }
      for (index, entry) in entries.enumerated() {
        contexts.append((entry, index, EntryEnvironment(base: environment, entry: entry)))
      }
    } else {
      contexts.append((nil, 0, environment))
    }
    var firings: [Firing] = []
    for (entry, index, context) in contexts where rule.when.evaluate(in: context) {
      firings.append(
        Firing(
          finding: score(rule, entry: entry, in: context),
          unanswered: unestablished(
            rule, entry: entry, index: index, view: view, facts: environment.facts),
          context: context))
    }
    return firings
  }

  /// One finding: inherent levels with raises, residual after the mitigations
  /// in place; mitigations that do not fit the tool are left out.
  func score(_ rule: RiskRule, entry: GroupEntry?, in context: some ConditionEnvironment)
    -> Finding
  {
    var likelihood = rule.likelihood.rawValue
    var severity = rule.severity.rawValue
    for raise in rule.raises where raise.when.evaluate(in: context) {
      likelihood += raise.likelihood
      severity += raise.severity
    }
    likelihood = min(4, likelihood)
    severity = min(4, severity)
    var residualLikelihood = likelihood
    var residualSeverity = severity
    var statuses: [MitigationStatus] = []
    for mitigation in rule.mitigations {
      if let applies = mitigation.appliesWhen, !applies.evaluate(in: context) { continue }
      let inPlace = mitigation.inPlaceWhen.evaluate(in: context)
      if inPlace {
        residualLikelihood -= mitigation.likelihood
        residualSeverity -= mitigation.severity
      }
      statuses.append(
        MitigationStatus(
          id: mitigation.id, title: mitigation.title, inPlace: inPlace,
          question: mitigation.question))
    }
    let label = entry.flatMap { entry in
      Self.text(entry.values["data_element"]) ?? Self.choice(entry.values["pi_category"])
    }
    let blocker = rule.blocker || (rule.blockerWhen?.evaluate(in: context) ?? false)
    return Finding(
      ruleID: rule.id, flowID: entry?.id, flowLabel: label, title: rule.title, harm: rule.harm,
      affected: rule.affected, citations: rule.cites,
      inherentLikelihood: Likelihood(rawValue: likelihood) ?? .almostCertain,
      inherentSeverity: Severity(rawValue: severity) ?? .maximum,
      residualLikelihood: Likelihood(rawValue: max(1, residualLikelihood)) ?? .remote,
      residualSeverity: Severity(rawValue: max(1, residualSeverity)) ?? .negligible,
      blocker: blocker, mitigations: statuses)
  }

  /// Overall levels: the highest finding level; blockers hold the residual at high.
  func aggregate(_ findings: [Finding])
    -> (RiskLevel, RiskLevel, [String], [String])
  {
    guard !findings.isEmpty else {
      return (.low, .low, [], ["No rule applies to these answers, so the overall risk is low."])
    }
    let inherent = findings.map(\.inherent).max() ?? .low
    let highestResidual = findings.map(\.residual).max() ?? .low
    let blockers = findings.filter(\.blocker)
    var residual = highestResidual
    var setBy = findings.filter { $0.residual == highestResidual }.map(\.key)
    var derivation: [String] = []
    let inherentSetters = findings.filter { $0.inherent == inherent }.map(\.key)
    derivation.append(
      "Inherent risk is \(inherent) because \(Self.list(inherentSetters)) "
        + "\(inherentSetters.count == 1 ? "is" : "are") \(inherent) before mitigation.")
    derivation.append(
      "Residual risk is \(highestResidual), the highest level after the mitigations in place, "
        + "set by \(Self.list(setBy)).")
    if !blockers.isEmpty {
      if highestResidual < .high {
        residual = .high
        setBy = blockers.map(\.key)
        derivation.append(
          "Compliance blocker \(Self.list(setBy)) holds the overall residual risk at high "
            + "whatever else is mitigated.")
      } else {
        derivation.append(
          "Compliance blocker \(Self.list(blockers.map(\.key))) would hold the residual risk at "
            + "high in any case.")
      }
    }
    let pending = findings.filter { !$0.established }.map(\.key)
    if !pending.isEmpty {
      derivation.append(
        "Not yet established: \(Self.list(pending)) "
          + "\(pending.count == 1 ? "fires" : "fire") only because questions are unanswered; "
          + "they count at their level until answered.")
    }
    return (inherent, residual, setBy, derivation)
  }

  static func choice(_ value: AnswerValue?) -> String? {
    if case .choice(let id)? = value { return id }
    return nil
  }

  static func text(_ value: AnswerValue?) -> String? {
    switch value {
    case .text(let text)?: return text.isEmpty ? nil : text
    default: return nil
    }
  }

  static func list(_ keys: [String]) -> String {
    switch keys.count {
    case 0: return "no finding"
    case 1: return "'\(keys[0])'"
    default:
      return keys.dropLast().map { "'\($0)'" }.joined(separator: ", ") + " and '\(keys.last ?? "")'"
    }
  }
}
