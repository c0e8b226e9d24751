/// Scores an answer set: runs every rule (per entry for `for_each` rules),
/// applies raises and mitigations in place, aggregates the overall level,
/// turns open mitigations into actions, screens, and lists stale vendor facts.
///
/// The engine is monotone by construction as long as rules are written as
/// `docs/risk-method.md` asks: raises only raise, mitigations only lower,
/// the overall level is a maximum, and blockers only hold it up.
public struct RiskEngine: Sendable {
  public var questionnaire: Questionnaire
  public var rules: [RiskRule]
  public var vendors: VendorCatalogue

  /// The vendor and plan-tier questions that pick the vendor facts.
  public static let vendorQuestion = "ai_vendor"
  public static let tierQuestion = "plan_tier"
  /// The default age, in days, after which a vendor fact is reported stale.
  public static let defaultStaleAfterDays = 180

  public init(questionnaire: Questionnaire, rules: [RiskRule], vendors: VendorCatalogue) {
    self.questionnaire = questionnaire
    self.rules = rules.filter { $0.questionnaires.contains(questionnaire.id) }
    self.vendors = vendors
  }

  /// Scores `answers` as of `asOf`.
  public func assess(
    answers raw: [String: AnswerValue], asOf: CalendarDate,
    staleAfterDays: Int = RiskEngine.defaultStaleAfterDays
  ) -> Assessment {
    let answers = effectiveAnswers(raw)
    let vendorID = Self.choice(answers[Self.vendorQuestion])
    let tierID = Self.choice(answers[Self.tierQuestion])
    let facts = vendors.facts(vendor: vendorID, tier: tierID)
    let environment = AnswerEnvironment(answers: answers, facts: facts.mapValues(\.value))

    var findings: [Finding] = []
    var mitigationSources: [String: (RiskRule.Mitigation, [any ConditionEnvironment])] = [:]
    var mitigationOrder: [String] = []
    var openByMitigation: [String: [(key: String, level: RiskLevel)]] = [:]

    for rule in rules {
      if let fileWhen = rule.fileWhen, !fileWhen.evaluate(in: environment) { continue }
      var contexts: [(entry: GroupEntry?, environment: any ConditionEnvironment)] = []
      if let group = rule.forEach {
        guard case .entries(let entries)? = answers[group] else { continue }
        for entry in entries {
          contexts.append((entry, EntryEnvironment(base: environment, entry: entry)))
        }
      } else {
        contexts.append((nil, environment))
      }
      for (entry, context) in contexts where rule.when.evaluate(in: context) {
        let finding = score(rule, entry: entry, in: context)
        for (status, mitigation) in zip(finding.mitigations, rule.mitigations) where !status.inPlace
        {
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
        priority: open.map(\.level).max() ?? .low, owner: owner, due: due)
    }.sorted { $0.priority != $1.priority ? $0.priority > $1.priority : $0.id < $1.id }

    let (overallInherent, overallResidual, setBy, derivation) = aggregate(findings)
    let stale = staleFacts(facts, vendor: vendorID, tier: tierID, asOf: asOf, days: staleAfterDays)
    return Assessment(
      questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version, asOf: asOf,
      screening: screen(answers), findings: findings, overallInherent: overallInherent,
      overallResidual: overallResidual, setBy: setBy, derivation: derivation, actions: actions,
      staleFacts: stale)
  }

  /// One finding: inherent levels with raises, residual after mitigations in place.
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
    return Finding(
      ruleID: rule.id, flowID: entry?.id, flowLabel: label, title: rule.title, harm: rule.harm,
      affected: rule.affected, citations: rule.cites,
      inherentLikelihood: Likelihood(rawValue: likelihood) ?? .almostCertain,
      inherentSeverity: Severity(rawValue: severity) ?? .maximum,
      residualLikelihood: Likelihood(rawValue: max(1, residualLikelihood)) ?? .remote,
      residualSeverity: Severity(rawValue: max(1, residualSeverity)) ?? .negligible,
      blocker: rule.blocker, mitigations: statuses)
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
    return (inherent, residual, setBy, derivation)
  }

  /// Whether a PIA is needed, and why.
  func screen(_ answers: [String: AnswerValue]) -> Screening {
    var required: [String] = []
    var recommended: [String] = []
    let information = Self.choice(answers["personal_information"])
    if information == "identifiable" {
      required.append("Identifiable personal information reaches the AI tool.")
    }
    if case .bool(true)? = answers["handles_pi"] {
      required.append("The project collects, uses, keeps or discloses personal information.")
    }
    if case .entries(let entries)? = answers["data_flows"] {
      let personal = entries.filter { Self.choice($0.values["pi_category"]) != "business_contact" }
      if !personal.isEmpty {
        required.append(
          "The inventory lists \(personal.count) flow\(personal.count == 1 ? "" : "s") of "
            + "personal information.")
      }
    }
    if case .choices(let sensitive)? = answers["sensitive_categories"], !sensitive.isEmpty {
      let names = sensitive.map { label("sensitive_categories", $0) }
      required.append("Sensitive information may reach the tool: \(names.joined(separator: "; ")).")
    }
    if let scope = Self.choice(answers["access_scope"]),
      ["records_system", "property_system", "whole_device"].contains(scope)
    {
      required.append(
        "The tool can reach: \(label("access_scope", scope)). Personal information is held there.")
    }
    if case .choices(let tasks)? = answers["ai_tasks"] {
      for task in tasks where task == "resident_casework" || task == "records_foi_prep" {
        required.append("The tasks include: \(label("ai_tasks", task)).")
      }
    }
    if information == "deidentified" {
      recommended.append(
        "De-identified information reaches the tool; check that people cannot be re-identified.")
    }
    if case .bool(true)? = answers["other_pi_in_project"] {
      recommended.append("The project handles personal information outside the AI tool.")
    }
    let usesAI: Bool
    if case .bool(let flag)? = answers["uses_ai_tool"] {
      usesAI = flag
    } else {
      usesAI = answers[Self.vendorQuestion] != nil || answers[Self.tierQuestion] != nil
    }
    if usesAI {
      recommended.append(
        "An AI tool is used: anything typed into prompts reaches the vendor, and prompts may "
          + "carry personal information.")
    }
    if !required.isEmpty { return Screening(outcome: .required, reasons: required + recommended) }
    if !recommended.isEmpty { return Screening(outcome: .recommended, reasons: recommended) }
    return Screening(
      outcome: .notNeeded,
      reasons: ["No personal information and no AI tool are involved."])
  }

  private func label(_ question: String, _ choice: String) -> String {
    questionnaire.question(question)?.label(ofChoice: choice) ?? choice
  }

  /// The tier's facts older than `days` on `asOf`.
  func staleFacts(
    _ facts: [String: VendorFact], vendor: String?, tier: String?, asOf: CalendarDate, days: Int
  ) -> [StaleFact] {
    guard let vendor, let tier else { return [] }
    return facts.compactMap { name, fact -> StaleFact? in
      let age = fact.checked.days(until: asOf)
      guard age > days else { return nil }
      return StaleFact(
        vendor: vendor, tier: tier, fact: name, checked: fact.checked, ageDays: age,
        source: fact.source)
    }.sorted { $0.ageDays != $1.ageDays ? $0.ageDays > $1.ageDays : $0.fact < $1.fact }
  }

  /// The answers the rules see: defaults filled in for unanswered questions,
  /// and answers to questions hidden by `show_if` dropped (in sections,
  /// questions and group entries alike), so a safe answer to a question that
  /// does not apply can never lower a score; an entry that picks an entry of
  /// another group (a data flow's system) sees that entry's answers too.
  public func effectiveAnswers(_ raw: [String: AnswerValue]) -> [String: AnswerValue] {
    var result: [String: AnswerValue] = [:]
    for section in questionnaire.sections {
      let sectionVisible =
        section.showIf?.evaluate(in: AnswerEnvironment(answers: result)) ?? true
      for question in section.questions {
        guard sectionVisible,
          question.showIf?.evaluate(in: AnswerEnvironment(answers: result)) ?? true
        else { continue }
        guard let value = raw[question.id] ?? question.defaultValue else { continue }
        if question.kind == .group, case .entries(let entries) = value {
          let base = AnswerEnvironment(answers: result)
          result[question.id] = .entries(
            entries.map { entry in
              var kept = GroupEntry(id: entry.id, values: [:])
              for field in question.fields {
                guard
                  field.showIf?.evaluate(in: EntryEnvironment(base: base, entry: kept)) ?? true,
                  let fieldValue = entry.values[field.id] ?? field.defaultValue
                else { continue }
                kept.values[field.id] = fieldValue
              }
              return kept
            })
        } else {
          result[question.id] = value
        }
      }
    }
    return questionnaire.resolvingReferences(result)
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
