/// Cross-reference checks on loaded rules: every question, choice and vendor
/// fact a condition names exists in each questionnaire the rule applies to,
/// every citation is a law-catalogue id, and owner and due questions fit.
struct RuleValidator: Sendable {
  /// The law catalogue citations must name.
  var law: LawCatalogue
  /// Every questionnaire; a rule is checked against each one it names.
  var questionnaires: [Questionnaire]
  /// Every fact name any vendor file states, for `vendor.NAME` references.
  var vendorFacts: Set<String>

  init(law: LawCatalogue, questionnaires: [Questionnaire], vendorFacts: Set<String>) {
    self.law = law
    self.questionnaires = questionnaires
    self.vendorFacts = vendorFacts
  }

  /// Every problem found, each reported once.
  func validate(_ rules: [RiskRule]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let known = questionnaires.map(\.id)
    // Each questionnaire's names are gathered once, not once per rule.
    let scopes = questionnaires.map { Scopes($0, vendorFacts: vendorFacts) }
    for rule in rules {
      if rule.questionnaires.isEmpty {
        diagnostics.append(
          .error(
            "a rule file must name at least one questionnaire", at: rule.questionnairesLocation))
      }
      for id in rule.questionnaires where !known.contains(id) {
        diagnostics.append(
          .error(
            "unknown questionnaire '\(id)'\(Spelling.didYouMean(id, among: known))",
            at: rule.questionnairesLocation))
      }
      for id in rule.cites where law.provision(id) == nil {
        diagnostics.append(
          .error(
            "unknown law id '\(id)' in cites\(Spelling.didYouMean(id, among: law.provisions.map(\.id)))",
            at: rule.citesLocation ?? rule.location))
      }
      for (questionnaire, scopes) in zip(questionnaires, scopes)
      where rule.questionnaires.contains(questionnaire.id) {
        let found = check(rule, against: scopes)
        let suffix =
          rule.questionnaires.count > 1 ? " (in questionnaire '\(questionnaire.id)')" : ""
        diagnostics += found.map {
          var diagnostic = $0
          diagnostic.message += suffix
          return diagnostic
        }
      }
    }
    var seen: Set<Diagnostic> = []
    return diagnostics.filter { seen.insert($0).inserted }
  }

  /// The names a questionnaire's conditions may use: its top-level questions, and for each
  /// repeating group those plus the group's fields (``Question/entryScope(group:)``).
  private struct Scopes {
    var topLevel: [String: Question]
    var outer: ConditionChecker
    var groups: [String: (scope: [String: Question], checker: ConditionChecker)]

    init(_ questionnaire: Questionnaire, vendorFacts: Set<String>) {
      var scope: [String: Question] = [:]
      for question in questionnaire.questions { scope[question.id] = question }
      topLevel = scope
      outer = ConditionChecker(available: scope, vendorFacts: vendorFacts)
      groups = [:]
      for question in scope.values where question.kind == .group {
        var inner = scope
        for (id, field) in question.entryScope(group: { scope[$0] }) { inner[id] = field }
        groups[question.id] = (inner, ConditionChecker(available: inner, vendorFacts: vendorFacts))
      }
    }
  }

  private func check(_ rule: RiskRule, against scopes: Scopes) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let scope = scopes.topLevel
    if let fileWhen = rule.fileWhen, let location = rule.fileWhenLocation {
      diagnostics += scopes.outer.check(fileWhen, at: location)
    }
    var inner = scope
    var checker = scopes.outer
    if let group = rule.forEach {
      if let found = scopes.groups[group] {
        (inner, checker) = found
      } else if scope[group] != nil {
        diagnostics.append(
          .error(
            "for_each needs a repeating group, but '\(group)' is not one",
            at: rule.forEachLocation))
      } else {
        let groups = scope.values.filter { $0.kind == .group }.map(\.id).sorted()
        diagnostics.append(
          .error(
            "unknown repeating group '\(group)'\(Spelling.didYouMean(group, among: groups))",
            at: rule.forEachLocation))
      }
    }
    if let location = rule.whenLocation {
      diagnostics += checker.check(rule.when, at: location)
    }
    for raise in rule.raises {
      diagnostics += checker.check(raise.when, at: raise.location)
    }
    if let blockerWhen = rule.blockerWhen, let location = rule.blockerWhenLocation {
      diagnostics += checker.check(blockerWhen, at: location)
    }
    for mitigation in rule.mitigations {
      diagnostics += checker.check(mitigation.inPlaceWhen, at: mitigation.location)
      if let applies = mitigation.appliesWhen, let location = mitigation.appliesWhenLocation {
        diagnostics += checker.check(applies, at: location)
      }
      if let owner = mitigation.ownerQuestion {
        diagnostics += checkQuestion(
          owner, role: "owner_question", kinds: [.text, .longText], scope: inner,
          at: mitigation.ownerLocation)
      }
      if let due = mitigation.dueQuestion {
        diagnostics += checkQuestion(
          due, role: "due_question", kinds: [.date], scope: inner, at: mitigation.dueLocation)
      }
    }
    return diagnostics
  }

  private func checkQuestion(
    _ id: String, role: String, kinds: [Question.Kind], scope: [String: Question],
    at location: SourceLocation?
  ) -> [Diagnostic] {
    guard let question = scope[id] else {
      return [
        .error(
          "unknown question '\(id)' in \(role)\(Spelling.didYouMean(id, among: scope.keys.sorted()))",
          at: location)
      ]
    }
    guard kinds.contains(question.kind) else {
      let expected = kinds.map(\.rawValue).joined(separator: " or ")
      return [
        .error(
          "\(role) '\(id)' must be a \(expected) question, but it is \(question.kind.rawValue)",
          at: location)
      ]
    }
    return []
  }
}
