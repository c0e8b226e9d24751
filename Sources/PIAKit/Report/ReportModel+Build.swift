/// A vendor fact shown in the AI tool section, with where it came from.
public struct ReportVendorFact: Sendable, Hashable {
  public var fact: String
  public var value: String
  public var source: String
  /// When someone at the municipality re-read the source; `nil` until then.
  public var checked: CalendarDate?
  /// The date the source states, as text.
  public var stated: String
  public var verified: Bool

  public init(
    fact: String, value: String, source: String, checked: CalendarDate? = nil,
    stated: String = "not stated", verified: Bool = false
  ) {
    self.fact = fact
    self.value = value
    self.source = source
    self.checked = checked
    self.stated = stated
    self.verified = verified
  }
}

extension ReportModel {
  /// The marker printed for a visible question with no answer.
  public static let notAnswered = "Not answered"
  /// The marker printed for a question the questionnaire does not ask or hides.
  public static let notApplicable = "Not applicable"

  /// Builds the model.
  ///
  /// - Parameters:
  ///   - questionnaire: The questionnaire the answers follow.
  ///   - answers: The answers file.
  ///   - assessment: The scored assessment.
  ///   - law: The law catalogue; every citation is printed through it.
  ///   - vendorFacts: Facts about the AI tool's plan, with sources (may be empty).
  ///   - date: The report date (`--date`, or the assessment date); never the clock.
  public init(
    questionnaire: Questionnaire, answers: AssessmentFile, assessment: Assessment,
    law: LawCatalogue,
    vendorFacts: [ReportVendorFact] = [], date: CalendarDate
  ) {
    var builder = Builder(
      questionnaire: questionnaire, file: answers, assessment: assessment, law: law, date: date)
    self = builder.build(vendorFacts: vendorFacts)
    applyRevisionRecord(from: answers, questionnaire: questionnaire)
  }

  /// The verdict and its reasons: the engine's conclusion (see
  /// ``Conclusion``), so every document prints what `pia score` prints.
  public static func recommendation(for assessment: Assessment) -> (Recommendation, [String]) {
    (assessment.conclusion.verdict, assessment.conclusion.reasons)
  }

  /// Answer text read the way Markdown reads a paragraph: a single line break
  /// is a wrapped line (a space); a blank line is kept as one line break.
  public static func prose(_ text: String) -> String {
    // Plain text without line breaks is by far the common case; leave it alone.
    guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else {
      let line = trimmed(Substring(text))
      return line.isEmpty ? text : line
    }
    let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
      of: "\r", with: "\n")
    let paragraphs = unified.components(separatedBy: "\n\n").map {
      $0.split(separator: "\n", omittingEmptySubsequences: true)
        .map(trimmed).joined(separator: " ")
    }.filter { !$0.isEmpty }
    return paragraphs.isEmpty ? text : paragraphs.joined(separator: "\n")
  }

  /// `text` without leading and trailing blanks (native Swift, no NSString bridging).
  private static func trimmed(_ text: Substring) -> String {
    let isBlank: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
    guard let first = text.firstIndex(where: { !isBlank($0) }),
      let last = text.lastIndex(where: { !isBlank($0) })
    else { return "" }
    return String(text[first...last])
  }

  static func isOpen(_ status: String) -> Bool {
    !["done", "complete", "completed", "closed", "in_place"].contains(status.lowercased())
  }
}

/// Builds a ``ReportModel`` step by step.
private struct Builder {
  let questionnaire: Questionnaire
  let file: AssessmentFile
  let assessment: Assessment
  let law: LawCatalogue
  let date: CalendarDate
  /// The data-flow entries when the question is asked, else none.
  let flows: [GroupEntry]
  let flowQuestion: Question?
  /// Provision ids in first-cited order.
  var cited: [String] = []

  init(
    questionnaire: Questionnaire, file: AssessmentFile, assessment: Assessment, law: LawCatalogue,
    date: CalendarDate
  ) {
    self.questionnaire = questionnaire
    self.file = file
    self.assessment = assessment
    self.law = law
    self.date = date
    flowQuestion = questionnaire.question("data_flows")
    // Each flow with its system's answers too (storage location, vendor).
    if case .entries(let entries)? = questionnaire.resolvingReferences(file.answers)["data_flows"],
      let flowQuestion, questionnaire.isVisible(flowQuestion, answers: file.answers)
    {
      flows = entries
    } else {
      flows = []
    }
    flowFields = flowQuestion?.entryScope(group: questionnaire.question) ?? [:]
  }

  /// The questions a flow's answers can come from: its own and its system's.
  let flowFields: [String: Question]

  var answers: [String: AnswerValue] { file.answers }

  mutating func cite(_ id: String) -> String {
    if !cited.contains(id) { cited.append(id) }
    return law.cite(id)
  }

  // MARK: Answers

  /// Whether the question exists and is shown for these answers.
  func isAsked(_ id: String) -> Bool {
    guard let question = questionnaire.question(id) else { return false }
    return questionnaire.isVisible(question, answers: answers)
  }

  /// The display text of a top-level answer; the not-answered or
  /// not-applicable marker otherwise.
  func text(_ id: String) -> String {
    guard let question = questionnaire.question(id), isAsked(id) else {
      return ReportModel.notApplicable
    }
    guard let value = answers[id] else { return ReportModel.notAnswered }
    return shown(display(value, for: question))
  }

  /// The marker instead of a blank answer.
  func shown(_ text: String) -> String {
    text.isBlank ? ReportModel.notAnswered : text
  }

  /// `text` when it is not blank.
  func nonBlank(_ text: String?) -> String? {
    guard let text, !text.isBlank else { return nil }
    return text
  }

  /// The answer text when answered, else nil.
  func answered(_ id: String) -> String? {
    guard let question = questionnaire.question(id), let value = answers[id], isAsked(id) else {
      return nil
    }
    let shown = display(value, for: question)
    return shown.isBlank ? nil : shown
  }

  func display(_ value: AnswerValue, for question: Question) -> String {
    switch value {
    case .text(let text): return ReportModel.prose(text)
    case .choice(let id):
      // An entry of another group (a data flow's system): its name, never its id.
      if let source = question.choicesFrom {
        guard case .entries(let picked)? = answers[source],
          let entry = picked.first(where: { $0.id == id })
        else { return ReportModel.notAnswered }
        return entryName(entry, in: questionnaire.question(source))
      }
      return question.label(ofChoice: id)
    case .choices(let ids):
      return ids.isEmpty ? "None" : ids.map { question.label(ofChoice: $0) }.joined(separator: "; ")
    case .bool(let flag): return flag ? "Yes" : "No"
    case .number(let number): return AnswerValue.format(number)
    case .date(let date): return date.description
    case .entries(let entries):
      let noun = question.itemName ?? "entry"
      return "\(entries.count) \(noun)\(entries.count == 1 ? "" : "s")"
    }
  }

  func fieldText(_ entry: GroupEntry, _ id: String) -> String {
    guard let field = flowFields[id] else { return ReportModel.notApplicable }
    guard isFieldVisible(field, in: entry) else { return ReportModel.notApplicable }
    guard let value = entry.values[id] else { return ReportModel.notAnswered }
    return shown(display(value, for: field))
  }

  func isFieldVisible(_ field: Question, in entry: GroupEntry) -> Bool {
    guard let condition = field.showIf else { return true }
    return condition.evaluate(
      in: EntryEnvironment(base: AnswerEnvironment(answers: answers), entry: entry))
  }

  /// An entry's name: its first text answer (the system's name, the data
  /// element), else the group's noun and the entry's place.
  func entryName(_ entry: GroupEntry, in group: Question?) -> String {
    for field in group?.fields ?? [] {
      if case .text(let text)? = entry.values[field.id], let text = nonBlank(text) {
        return ReportModel.prose(text)
      }
    }
    let noun = group?.itemName ?? "entry"
    return noun.prefix(1).uppercased() + noun.dropFirst()
  }

  func flowName(_ entry: GroupEntry, index: Int) -> String {
    if case .text(let element)? = entry.values["data_element"], let element = nonBlank(element) {
      return element
    }
    return "Data flow \(index + 1)"
  }

  func questionAnswer(
    _ question: Question, value: AnswerValue?, entryValues: [String: AnswerValue]? = nil
  )
    -> ReportModel.QuestionAnswer
  {
    var entries: [ReportModel.GroupItem] = []
    if case .entries(let items)? = value {
      for (index, item) in items.enumerated() {
        let fields = question.fields.filter { isFieldVisible($0, in: item) }.map {
          questionAnswerNoCite($0, value: item.values[$0.id])
        }
        entries.append(
          .init(
            title:
              "\(question.itemName.map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? "Entry") \(index + 1): \(question.id == "data_flows" ? flowName(item, index: index) : entryName(item, in: question))",
            fields: fields))
      }
    }
    var answer = questionAnswerNoCite(question, value: value)
    answer.citations = question.cites.filter { law.isCitable($0, on: date) }.map { law.cite($0) }
    answer.entries = entries
    return answer
  }

  func questionAnswerNoCite(_ question: Question, value: AnswerValue?) -> ReportModel.QuestionAnswer
  {
    let answer = value.map { shown(display($0, for: question)) } ?? ReportModel.notAnswered
    return ReportModel.QuestionAnswer(
      id: question.id, prompt: question.prompt, answer: answer,
      answered: value != nil && answer != ReportModel.notAnswered, citations: [], entries: [])
  }

  // MARK: Build

  mutating func build(vendorFacts: [ReportVendorFact]) -> ReportModel {
    let info = file.assessment
    let initiative = nonBlank(info.title) ?? answered("project_title") ?? "Untitled initiative"
    let institution =
      nonBlank(info.institution) ?? answered("institution_name") ?? ReportModel.notAnswered
    let assessedAsOf: String = {
      if case .date(let value)? = answers["assessment_date"] { return value.description }
      return assessment.asOf.description
    }()
    let usesAI =
      answers["uses_ai_tool"] == .bool(true)
      || (questionnaire.question("uses_ai_tool") == nil && isAsked("plan_tier"))

    let findingNumbers = Dictionary(
      assessment.findings.enumerated().map { ($1.key, "R\($0 + 1)") },
      uniquingKeysWith: { a, _ in a })
    let findings = assessment.findings.enumerated().map { index, finding in
      findingRow(finding, number: "R\(index + 1)")
    }
    let vendorName = vendorTitle()
    let actions = assessment.actions.enumerated().map { index, action in
      ReportModel.ActionRow(
        number: "A\(index + 1)", title: action.title,
        vendorStep: action.vendorStep.map { "\(vendorName): \($0)" },
        priority: action.priority.title,
        owner: action.owner ?? "Not assigned", target: action.due?.description ?? "Not set",
        status: action.status.replacingOccurrences(of: "_", with: " ").capitalizedFirst,
        findings: action.findings.map { findingNumbers[$0] ?? $0 }.joined(separator: ", "))
    }

    let (recommendation, reasons) = ReportModel.recommendation(for: assessment)
    let authorityCite = cite("mfippa-s28-2")
    let authorized: String = {
      // Business contact details in an official capacity need no authority
      // (MFIPPA s. 2(2.1)); every other flow must name one of the three.
      let authorities: Set<AnswerValue> = [
        .choice("express_statute"), .choice("law_enforcement"),
        .choice("necessary_lawful_activity"),
      ]
      let personal = flows.enumerated().filter {
        $1.values["pi_category"] != .choice("business_contact")
      }
      let none = personal.filter { $1.values["authority"] == .choice("none") }
      if !none.isEmpty {
        return "No: no legal authority under \(authorityCite) was identified for "
          + none.map { flowName($1, index: $0) }.joined(separator: ", ") + "."
      }
      let unknown = personal.filter {
        !authorities.contains($1.values["authority"] ?? .bool(false))
      }
      if !unknown.isEmpty {
        return "Not established: no authority under \(authorityCite) is recorded yet for "
          + unknown.map { flowName($1, index: $0) }.joined(separator: ", ") + "."
      }
      if !personal.isEmpty {
        return "Yes: every data flow of personal information names its authority under "
          + "\(authorityCite)."
      }
      if answers["personal_information"] == .choice("none") {
        return
          "No personal information reaches the tool, so no collection authority under \(authorityCite) is needed for it."
      }
      if let stated = answered("program_authority") {
        return "Authority stated under \(authorityCite): \(stated)"
      }
      return "Not established: no data flow or program authority was recorded."
    }()

    let screening = ReportModel.ScreeningResult(
      handlesPI: assessment.screening.outcome != .notNeeded,
      outcome: {
        switch assessment.screening.outcome {
        case .required: return "A privacy impact assessment is required."
        case .recommended: return "A privacy impact assessment is recommended."
        case .notNeeded:
          return "No personal information is involved; a full assessment is not needed."
        }
      }(),
      reasons: assessment.screening.reasons,
      noPIReasons: text("no_pi_reasons"))

    let inScope: [String] = {
      var items = [
        answered("project_stage").map {
          "The initiative as described in this assessment (stage: \($0))."
        }
          ?? "The initiative as described in this assessment."
      ]
      if usesAI {
        items.append(
          "The AI tool \(text("ai_product")) from \(text("ai_vendor")) on the \(text("plan_tier")) plan, as configured for this deployment."
        )
        if let tasks = answered("ai_tasks") { items.append("The tasks: \(tasks).") }
        if let scope = answered("access_scope") {
          items.append("What the tool can reach: \(scope).")
        }
      }
      if !flows.isEmpty {
        items.append(
          "The \(flows.count) data flow\(flows.count == 1 ? "" : "s") in the personal information inventory."
        )
      }
      return items
    }()
    var outOfScope: [String] = []
    if usesAI {
      outOfScope.append(
        "Other plans or tiers of the tool, and features not enabled in this deployment; enabling one needs an update to this assessment."
      )
    }
    outOfScope.append("Personal information and systems not listed in the inventory.")

    var vendor: ReportModel.VendorSection?
    if usesAI {
      let stale = Set(assessment.staleFacts.map(\.fact))
      let checkedOn = assessment.vendorFacts?.checked
      let notChecked = "Not yet checked by the municipality"
      vendor = ReportModel.VendorSection(
        vendor: text("ai_vendor"), product: text("ai_product"), tier: text("plan_tier"),
        dataLocation: text("ai_data_location"),
        facts: vendorFacts.map { fact in
          let checked = [fact.checked, checkedOn].compactMap { $0 }.max()
          return .init(
            fact: fact.fact, value: fact.value, source: fact.source,
            checked: checked?.description ?? notChecked,
            stale: stale.contains(fact.fact) || checked == nil, stated: fact.stated,
            status: fact.verified ? "Verified" : "Unverified")
        },
        planNames: {
          let names = assessment.vendorFacts?.planNames ?? []
          return names.isEmpty ? "Not listed in the vendor file" : names.joined(separator: "; ")
        }(),
        factsChecked: assessment.vendorFacts?.summary ?? "")
    }

    let analysis = buildAnalysis(findingNumbers: findingNumbers)
    let notice = buildNotice(institution: institution)
    let signOff = buildSignOff()

    var triggers = [
      "New kinds of personal information, or new purposes or uses.",
      "New disclosures or recipients, or a new vendor.",
      "Storage or processing moving to a new location, especially outside Canada.",
      "An amendment of the records retention by-law that covers these records.",
    ]
    triggers += law.regimesPending(on: date).map { "\($0.title) coming into force." }
    if usesAI {
      triggers.insert(
        contentsOf: [
          "A change of the AI tool's plan or tier.",
          "Enabling agent or desktop mode, connectors, or monitoring (telemetry) of the tool.",
          "A change of the vendor's terms or documentation on retention, training or compliance coverage.",
        ], at: 0)
    }

    let pending = law.regimesPending(on: date).map { regime in
      ReportModel.PendingRegime(
        title: regime.title, commencement: regime.pendingStatus(on: date),
        effects: regime.effects)
    }

    let contactPerson =
      answered("privacy_coordinator") ?? answered("privacy_lead")
      ?? "the privacy or FOI coordinator"
    let model = ReportModel(
      document: .init(
        title: "\(initiative) Privacy Impact Assessment", initiative: initiative,
        institution: institution,
        piaNumber: nonBlank(info.piaNumber) ?? "Not assigned", version: "1", status: "Draft",
        assessedAsOf: assessedAsOf, lastReviewed: date.description,
        author: answered("privacy_lead") ?? nonBlank(info.preparedBy) ?? ReportModel.notAnswered,
        owner: text("program_owner_role"),
        questionnaire: "\(questionnaire.title) (\(questionnaire.id) v\(questionnaire.version))",
        revisions: [.init(version: "1", date: assessedAsOf, description: "First assessment")]),
      initiative: .init(
        purpose: answered("project_purpose")
          ?? answered("ai_tasks").map { "\(initiative). The AI tool is used for: \($0)." }
          ?? text("project_purpose"), currentVsProposed: text("current_vs_proposed"),
        stage: answered("project_stage") ?? answered("pilot_users") ?? text("project_stage"),
        stakeholders: text("stakeholders"), systems: text("systems"),
        vendors: text("vendors_involved"), inScope: inScope, outOfScope: outOfScope,
        relatedAssessments: text("related_assessments"),
        scopeSummary: {
          var covered: [String] = []
          if usesAI {
            covered.append("the AI tool on the plan named above")
            if let scope = answered("access_scope") {
              covered.append(
                "what it can reach (\(scope.prefix(1).lowercased() + scope.dropFirst()))")
            }
          }
          if !flows.isEmpty {
            covered.append(
              "\(flows.count) data flow\(flows.count == 1 ? "" : "s") of personal information")
          }
          let list =
            covered.count > 1
            ? covered.dropLast().joined(separator: ", ") + " and " + (covered.last ?? "")
            : covered.joined()
          let inScope =
            covered.isEmpty
            ? "The assessment covers the initiative as described."
            : "The assessment covers " + list + "."
          let outOfScope =
            usesAI
            ? " Other plans, features not enabled in this deployment, and information not in the inventory are not covered; enabling one needs an update."
            : " Information and systems not in the inventory are not covered."
          return inScope + outOfScope
        }()),
      screening: screening,
      law: .init(
        applied: law.regimesApplied(on: date).map(\.title), pending: pending,
        lawChecked: text("law_checked_date"), citations: []),
      conclusion: .init(
        recommendation: recommendation, label: assessment.conclusion.label, reasons: reasons,
        incomplete: assessment.conclusion.missing.map(\.prompt), authorized: authorized,
        overallInherent: assessment.overallInherent.title,
        overallResidual: assessment.overallResidual.title,
        derivation: assessment.derivation),
      residualCounts: counts(\.residual), inherentCounts: counts(\.inherent),
      heatMap: heatMap(), findings: findings, actions: actions,
      inventory: inventory(), dataFlows: dataFlowRows(), analysis: analysis, vendor: vendor,
      signOff: signOff,
      review: .init(nextReview: text("next_review_date"), triggers: triggers),
      notice: notice, appendix: appendix(), changes: nil,
      contact: "Questions about this assessment: \(contactPerson), \(institution).",
      reportDate: date.description)
    var result = model
    // Citations printed anywhere, in first-cited order.
    var all = cited
    for finding in assessment.findings {
      for id in finding.citations where !all.contains(id) { all.append(id) }
    }
    result.law.citations = all.filter { law.isCitable($0, on: date) }.compactMap { id in
      law.provision(id).map {
        .init(cite: $0.printed, meaning: $0.meaning, uncertain: $0.status == .uncertain)
      }
    }
    return result
  }

  func counts(_ level: KeyPath<Finding, RiskLevel>) -> [ReportModel.LevelCount] {
    RiskLevel.allCases.reversed().map { value in
      .init(
        level: value.title, count: assessment.findings.filter { $0[keyPath: level] == value }.count)
    }
  }

  func heatMap() -> [ReportModel.HeatMapRow] {
    Severity.allCases.reversed().map { severity in
      ReportModel.HeatMapRow(
        severity: severity.description.capitalizedFirst,
        cells: Likelihood.allCases.map { likelihood in
          let count = assessment.findings.filter {
            $0.residualLikelihood == likelihood && $0.residualSeverity == severity
          }.count
          return "\(RiskMatrix.level(likelihood, severity).title) (\(count))"
        })
    }
  }

  mutating func findingRow(_ finding: Finding, number: String) -> ReportModel.FindingRow {
    let mitigations = finding.mitigations.map {
      ReportModel.MitigationRow(title: $0.title, status: $0.inPlace ? "In place" : "Open")
    }
    var notEstablished: String?
    if !finding.established {
      let prompts = assessment.conclusion.missing.filter {
        finding.unanswered.contains($0.question)
      }.map(\.prompt)
      notEstablished =
        "This risk is counted because "
        + (prompts.isEmpty ? "questions are" : prompts.joined(separator: "; ") + " —")
        + " not yet answered. It is not a finding of fact until answered."
    }
    return ReportModel.FindingRow(
      number: number, title: finding.title, flow: finding.flowLabel, harm: finding.harm,
      affected: finding.affected,
      citations: finding.citations.filter { law.isCitable($0, on: date) }.map { cite($0) },
      inherent: finding.inherent.title,
      inherentBasis:
        "\(finding.inherentLikelihood.description.replacingOccurrences(of: "_", with: " ")) likelihood, \(finding.inherentSeverity) severity",
      residual: finding.residual.title,
      residualBasis:
        "\(finding.residualLikelihood.description.replacingOccurrences(of: "_", with: " ")) likelihood, \(finding.residualSeverity) severity",
      blocker: finding.blocker, mitigations: mitigations,
      keyMitigation: finding.mitigations.first(where: { !$0.inPlace })?.title
        ?? finding.mitigations.first?.title ?? "None identified",
      notEstablished: notEstablished)
  }

  func inventory() -> [ReportModel.InventoryCategory] {
    var order: [String] = []
    var elements: [String: [String]] = [:]
    for (index, entry) in flows.enumerated() {
      let category = fieldText(entry, "pi_category")
      if elements[category] == nil { order.append(category) }
      elements[category, default: []].append(flowName(entry, index: index))
    }
    let businessContact = flowQuestion?.field("pi_category")?.label(ofChoice: "business_contact")
    return order.map {
      .init(category: $0, elements: elements[$0] ?? [], isPersonal: $0 != businessContact)
    }
  }

  func dataFlowRows() -> [ReportModel.DataFlowRow] {
    flows.enumerated().map { index, entry in
      let authority = fieldText(entry, "authority")
      let detail = fieldText(entry, "authority_detail")
      return ReportModel.DataFlowRow(
        number: "\(index + 1)", element: flowName(entry, index: index),
        category: fieldText(entry, "pi_category"), source: fieldText(entry, "source"),
        purpose: fieldText(entry, "flow_purpose"),
        authority: detail == ReportModel.notApplicable || authority == ReportModel.notApplicable
          ? authority : "\(authority): \(detail)",
        destination: fieldText(entry, "system_name"), storage: fieldText(entry, "storage_location"),
        disclosure: fieldText(entry, "disclosure_ground"),
        retention: {
          let cls = fieldText(entry, "retention_by_law_class")
          return cls == ReportModel.notApplicable ? fieldText(entry, "retention_class") : cls
        }())
    }
  }

  mutating func buildAnalysis(findingNumbers: [String: String]) -> [ReportModel.AnalysisTopic] {
    PrivacyAnalysisTopic.ipcOrder.map { topic in
      var questions: [ReportModel.QuestionAnswer] = []
      for id in topic.questions {
        guard let question = questionnaire.question(id), isAsked(id) else { continue }
        questions.append(questionAnswerNoCite(question, value: answers[id]))
      }
      if let flowQuestion {
        for (index, entry) in flows.enumerated() {
          for id in topic.flowFields {
            guard let field = flowFields[id], isFieldVisible(field, in: entry) else {
              continue
            }
            var row = questionAnswerNoCite(field, value: entry.values[id])
            row.prompt = "\(flowName(entry, index: index)): \(field.prompt)"
            questions.append(row)
          }
        }
      }
      let provisions = Set(topic.provisions)
      let related = assessment.findings.filter { $0.citations.contains(where: provisions.contains) }
      return ReportModel.AnalysisTopic(
        title: topic.title, citations: topic.provisions.map { cite($0) }, questions: questions,
        findings: related.map {
          "\(findingNumbers[$0.key] ?? $0.key): \($0.title) (residual \($0.residual))"
        })
    }
  }

  /// The vendor's short name for "(Vendor: step)": the `ai_vendor` label up
  /// to its first parenthesis.
  func vendorTitle() -> String {
    let label = text("ai_vendor")
    return label.split(separator: "(").first.map { $0.trimmingWhiteSpace } ?? label
  }

  mutating func buildNotice(institution: String) -> ReportModel.Notice {
    let citation = cite("mfippa-s29-2")
    var authorities: [String] = []
    var purposes: [String] = []
    // Business contact details in an official capacity are not personal
    // information (MFIPPA s. 2(2.1)); they need no notice. Collection for law
    // enforcement is exempt from notice (MFIPPA s. 29(3)).
    let personal = flows.filter { $0.values["pi_category"] != .choice("business_contact") }
    let noticed = personal.filter { $0.values["authority"] != .choice("law_enforcement") }
    if !personal.isEmpty && noticed.isEmpty {
      var notice = ReportModel.Notice(
        institution: institution, authority: "", authorityPresent: true, purposes: [],
        purposesPresent: true, contact: "", contactPresent: true, citation: citation, gaps: [],
        complete: true)
      notice.required = false
      notice.exemption =
        "Every flow of personal information in this assessment is collected for law "
        + "enforcement, which is exempt from the notice of collection (\(cite("mfippa-s29-3"))). "
        + "No notice is drafted. Record the exact provision relied on in each flow's authority."
      return notice
    }
    for entry in noticed {
      if case .text(let detail)? = entry.values["authority_detail"], let detail = nonBlank(detail),
        !authorities.contains(detail)
      {
        authorities.append(detail)
      }
      if case .text(let purpose)? = entry.values["flow_purpose"], let purpose = nonBlank(purpose),
        !purposes.contains(purpose)
      {
        purposes.append(purpose)
      }
    }
    if authorities.isEmpty, let stated = answered("program_authority") {
      authorities.append(stated)
    }
    if purposes.isEmpty, let stated = answered("project_purpose") { purposes.append(stated) }
    // No question records the official's business address and telephone
    // number yet; the notice never invents them.
    let contact = answered("notice_official")
    var gaps: [String] = []
    if authorities.isEmpty {
      gaps.append("The legal authority for the collection is not recorded in the answers.")
    }
    if purposes.isEmpty {
      gaps.append(
        "The principal purpose or purposes of the collection are not recorded in the answers.")
    }
    if contact == nil {
      gaps.append(
        "The title, business address and telephone number of an official who can answer questions about the collection are not recorded in the answers."
      )
    }
    return ReportModel.Notice(
      institution: institution,
      authority: authorities.isEmpty
        ? "[Missing: legal authority]" : authorities.joined(separator: "; "),
      authorityPresent: !authorities.isEmpty,
      purposes: purposes.isEmpty ? ["[Missing: principal purpose]"] : purposes,
      purposesPresent: !purposes.isEmpty,
      contact: contact ?? "[Missing: title, business address and telephone number of the official]",
      contactPresent: contact != nil, citation: citation, gaps: gaps, complete: gaps.isEmpty)
  }

  func buildSignOff() -> ReportModel.SignOff {
    func signer(_ role: String, _ id: String) -> ReportModel.Signer {
      guard let answer = answered(id) else {
        return .init(role: role, name: ReportModel.notAnswered, title: "", date: "", decision: "")
      }
      let parts = answer.split(separator: ",", maxSplits: 1).map {
        $0.trimmingWhiteSpace
      }
      return .init(
        role: role, name: parts[0], title: parts.count > 1 ? parts[1] : "", date: "", decision: "")
    }
    return ReportModel.SignOff(
      signers: [
        signer("Head or delegate", "head_or_delegate"),
        signer("Privacy or FOI coordinator", "privacy_coordinator"),
        signer("Program owner", "program_owner_signoff"),
      ],
      approver: text("head_or_delegate"), privacyLead: text("privacy_coordinator"),
      advice: text("coordinator_advice"),
      adviceOutcome: isAsked("advice_outcome") ? text("advice_outcome") : nil,
      overruleReasons: answered("overrule_reasons"), ipcConsulted: text("ipc_consulted"),
      approvalStatus: "Draft: not yet approved by the head or delegate.")
  }

  func appendix() -> [ReportModel.AnswerSection] {
    let environment = AnswerEnvironment(answers: answers)
    return questionnaire.sections.compactMap { section in
      if let condition = section.showIf, !condition.evaluate(in: environment) { return nil }
      let questions = section.questions.filter { questionnaire.isVisible($0, answers: answers) }
        .map { questionAnswer($0, value: answers[$0.id]) }
      return questions.isEmpty
        ? nil : ReportModel.AnswerSection(title: section.title, questions: questions)
    }
  }
}

extension String {
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
