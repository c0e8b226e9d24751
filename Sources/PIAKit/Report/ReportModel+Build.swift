/// A vendor fact shown in the AI tool section, with where it came from.
public struct ReportVendorFact: Sendable, Hashable {
  /// The fact's name from the vendor file, sentence-cased with spaces ("Trains on inputs").
  public var fact: String
  /// What the vendor states for the assessed plan tier, as words ("true", "consumer", "30").
  public var value: String
  /// Where the vendor states it (the vendor file's `source`, usually the page's URL).
  public var source: String
  /// When someone at the municipality re-read the source; `nil` until then.
  public var checked: CalendarDate?
  /// The date the source states, as text.
  public var stated: String
  /// False when the vendor file marks the fact `status: unverified` (a secondary source, a
  /// conflict, an inference or a copy of the vendor's page).
  public var verified: Bool

  /// A fact from the vendor file; `stated` defaults to "not stated", unchecked and unverified.
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
  ///   - audience: The full version, or the public one without the answers
  ///     marked `internal: true`.
  public init(
    questionnaire: Questionnaire, answers: AssessmentFile, assessment: Assessment,
    law: LawCatalogue,
    vendorFacts: [ReportVendorFact] = [], date: CalendarDate, audience: ReportAudience = .full
  ) {
    var builder = ReportModelBuilder(
      questionnaire: questionnaire, file: answers, assessment: assessment, law: law, date: date,
      hidden: audience == .public ? questionnaire.internalQuestionIDs : [])
    self = builder.build(vendorFacts: vendorFacts)
    applyRevisionRecord(from: answers, questionnaire: questionnaire)
    self.audience = audience
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

/// The whole model, section by section.
extension ReportModelBuilder {
  // MARK: Build

  mutating func build(vendorFacts: [ReportVendorFact]) -> ReportModel {
    let info = file.assessment
    let initiative = nonBlank(info.title) ?? answered("project_title") ?? "Untitled initiative"
    let institution =
      nonBlank(info.institution) ?? answered("institution_name") ?? ReportModel.notAnswered
    // The one rule for the assessment's date (the answer, else `started`), else the report's.
    let assessedOn = file.assessmentDate ?? assessment.asOf
    let assessedAsOf = assessedOn.description
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
    let residualByKey = Dictionary(
      assessment.findings.map { ($0.key, $0.residual) }, uniquingKeysWith: { a, b in max(a, b) })
    let actions = assessment.actions.enumerated().map { index, action in
      // Not asked: set from the review policy by the residual level it addresses.
      let level = action.findings.compactMap { residualByKey[$0] }.max() ?? .low
      let due = action.due ?? ReviewPolicy.nextReview(after: assessedOn, residual: level)
      return ReportModel.ActionRow(
        number: "A\(index + 1)", title: ReportText.withoutReferenceTags(action.title),
        vendorStep: action.vendorStep.map { "\(vendorName): \($0)" },
        priority: action.priority.title,
        owner: action.owner ?? "Not assigned",
        target: action.due == nil
          ? "By \(due), set from the review policy for a \(level.title.lowercased()) risk"
          : "By \(due)",
        targetDate: "\(due)", targetFromPolicy: action.due == nil,
        status: action.status.replacingOccurrences(of: "_", with: " ").capitalizedFirst,
        findings: action.findings.compactMap { findingNumbers[$0] }.joined(separator: ", "))
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
          + ReportText.names(none.map { flowName($1, index: $0) }) + "."
      }
      let unknown = personal.filter {
        !authorities.contains($1.values["authority"] ?? .bool(false))
      }
      if !unknown.isEmpty {
        return "Not established: no authority under \(authorityCite) is recorded yet for "
          + ReportText.names(unknown.map { flowName($1, index: $0) }) + "."
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
          "The AI tool \(text("ai_product")) from \(text("ai_vendor")), on this plan: \(text("plan_tier")), as configured for this deployment."
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

    let analysis = buildAnalysis(rows: findings)
    let notice = buildNotice(institution: institution, initiative: initiative)
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
    var contact = "Questions about this assessment: \(contactPerson), \(institution)"
    if let phone = answered("privacy_office_phone") { contact += ", telephone \(phone)" }
    if let email = answered("privacy_office_email") { contact += ", e-mail \(email)" }
    contact += "."
    let nextReview = ReviewPolicy.nextReview(
      answers: answers, assessedOn: assessedOn, residual: assessment.overallResidual)
    let council = buildCouncil(
      initiative: initiative, contact: contact, nextReview: nextReview.text,
      noticeRequired: notice.required && screening.handlesPI)
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
          ?? answered("ai_tasks").map { "The AI tool is used for: \($0)." }
          ?? text("project_purpose"), currentVsProposed: text("current_vs_proposed"),
        stage: answered("project_stage")
          ?? answered("pilot_users").map {
            "Rollout: \($0.prefix(1).lowercased() + $0.dropFirst())"
          }
          ?? text("project_stage"),
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
        recommendation: recommendation, label: assessment.conclusion.label,
        reasons: ReportText.groupingFlowReasons(
          reasons.map {
            ReportText.withoutReferenceTags(
              ReportText.replacingFindingKeys($0, numbers: findingNumbers))
          }),
        incomplete: assessment.conclusion.missing.map(\.prompt), authorized: authorized,
        overallInherent: assessment.overallInherent.title,
        overallResidual: assessment.overallResidual.title,
        derivation: assessment.derivation.map {
          ReportText.replacingFindingKeys($0, numbers: findingNumbers)
        }),
      residualCounts: counts(\.residual), inherentCounts: counts(\.inherent),
      heatMap: heatMap(), findings: findings, actions: actions,
      inventory: inventory(), dataFlows: dataFlowRows(), analysis: analysis, vendor: vendor,
      signOff: signOff,
      review: .init(nextReview: nextReview.text, triggers: triggers),
      notice: notice, appendix: appendix(), changes: nil,
      contact: contact, reportDate: date.description)
    var result = model
    result.council = council
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

}
