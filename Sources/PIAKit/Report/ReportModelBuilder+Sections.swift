/// The report's sections built from the answers and the assessment: risks, inventory, analysis,
/// notice, sign-off and the answers appendix.
extension ReportModelBuilder {
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
      ReportModel.MitigationRow(
        title: ReportText.withoutReferenceTags($0.title), status: $0.inPlace ? "In place" : "Open")
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
      number: number, title: ReportText.withoutReferenceTags(finding.title),
      flow: finding.flowLabel, harm: ReportText.withoutReferenceTags(finding.harm),
      affected: ReportText.withoutReferenceTags(finding.affected),
      citations: finding.citations.filter { law.isCitable($0, on: date) }.map { cite($0) },
      inherent: finding.inherent.title,
      inherentBasis: Self.basis(finding.inherentLikelihood, finding.inherentSeverity),
      residual: finding.residual.title,
      residualBasis: Self.basis(finding.residualLikelihood, finding.residualSeverity),
      blocker: finding.blocker, mitigations: mitigations,
      keyMitigation: ReportText.withoutReferenceTags(
        finding.mitigations.first(where: { !$0.inPlace })?.title
          ?? finding.mitigations.first?.title ?? "None identified"),
      notEstablished: notEstablished)
  }

  /// "likelihood: almost certain; severity: significant".
  static func basis(_ likelihood: Likelihood, _ severity: Severity) -> String {
    "likelihood: \(likelihood.description.replacingOccurrences(of: "_", with: " ")); "
      + "severity: \(severity.description.replacingOccurrences(of: "_", with: " "))"
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

  /// The privacy analysis, one topic per provision group in the IPC's order:
  /// a conclusion (compliant, compliant with conditions, not compliant, not
  /// yet established, not applicable) and its reasons drawn from the
  /// findings. The questions and answers are printed once, in the appendix.
  mutating func buildAnalysis(rows: [ReportModel.FindingRow]) -> [ReportModel.AnalysisTopic] {
    PrivacyAnalysisTopic.ipcOrder.map { topic in
      var asked = topic.questions.contains { id in
        !hidden.contains(id) && isAsked(id) && questionnaire.question(id) != nil
      }
      if !asked, flowQuestion != nil, !topic.flowFields.isEmpty {
        asked = flows.contains { entry in
          topic.flowFields.contains { id in
            flowFields[id].map { isFieldVisible($0, in: entry) } ?? false
          }
        }
      }
      let provisions = Set(topic.provisions)
      var related: [ReportModel.FindingRow] = []
      var established: [Finding] = []
      var pending = 0
      for (finding, row) in zip(assessment.findings, rows)
      where finding.citations.contains(where: provisions.contains) {
        related.append(row)
        if finding.established { established.append(finding) } else { pending += 1 }
      }
      let conclusion: String
      if related.isEmpty {
        conclusion = asked ? "Compliant" : "Not applicable"
      } else if established.contains(where: \.blocker) {
        // A compliance blocker is a breach of the provision; a high residual risk is not
        // by itself: it makes the conclusion conditional, and the verdict says the rest.
        conclusion = "Not compliant"
      } else if established.isEmpty && pending > 0 {
        conclusion = "Not yet established"
      } else {
        conclusion = "Compliant with conditions"
      }
      let reasons: [String]
      if related.isEmpty {
        reasons = [
          asked
            ? "No risk was found under these provisions."
            : "No question under these provisions applies to this initiative."
        ]
      } else {
        reasons = ReportModel.grouped(related).map { row in
          "\(row.number): \(row.title)" + (row.flow.map { " (\($0))" } ?? "")
            + " — residual \(row.residual.lowercased())"
            + (row.blocker ? ", a compliance blocker" : "")
            + (row.notEstablished != nil ? ", not yet established" : "")
            + ". Key mitigation: \(row.keyMitigation)."
        }
      }
      var result = ReportModel.AnalysisTopic(
        title: topic.title, citations: topic.provisions.map { cite($0) }, questions: [],
        findings: reasons)
      result.conclusion = conclusion
      return result
    }
  }

  /// The vendor's short name for "(Vendor: step)": the `ai_vendor` label up
  /// to its first parenthesis.
  func vendorTitle() -> String {
    let label = text("ai_vendor")
    return label.split(separator: "(").first.map { $0.trimmingWhiteSpace } ?? label
  }

  /// The draft notice of collection: one notice per collecting program
  /// (each flow's `program`, else the initiative's title, with a note), each
  /// naming its program, authority and purposes, and the official who can
  /// answer questions (MFIPPA s. 29(2)). Collection for law enforcement is
  /// exempt (s. 29(3)); business contact details are not personal
  /// information (s. 2(2.1)). A missing element is listed, never invented.
  mutating func buildNotice(institution: String, initiative: String) -> ReportModel.Notice {
    let citation = cite("mfippa-s29-2")
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
    // The official: title, business address and telephone number.
    let title = answered("notice_official")
    let address = answered("notice_official_address")
    let phone = answered("notice_official_phone")
    var contactGaps: [String] = []
    if title == nil { contactGaps.append("the title of the official who can answer questions") }
    if address == nil { contactGaps.append("the official's business address") }
    if phone == nil { contactGaps.append("the official's business telephone number") }
    let contactParts = [title, address, phone.map { "telephone \($0)" }].compactMap { $0 }
    let contact =
      contactParts.isEmpty
      ? "[Missing: title, business address and telephone number of the official]"
      : contactParts.joined(separator: ", ")
        + (contactGaps.isEmpty ? "" : " [Missing: \(contactGaps.joined(separator: "; "))]")

    // Flows by collecting program, in first-named order.
    var order: [String] = []
    var byProgram: [String: [GroupEntry]] = [:]
    var defaulted = false
    for entry in noticed {
      var program = initiative
      if case .text(let named)? = entry.values["program"], let named = nonBlank(named) {
        program = ReportModel.prose(named)
      } else {
        defaulted = true
      }
      if byProgram[program] == nil { order.append(program) }
      byProgram[program, default: []].append(entry)
    }
    if order.isEmpty {
      order = [initiative]
      byProgram[initiative] = []
      defaulted = true
    }
    var programs: [ReportModel.ProgramNotice] = []
    for program in order {
      var authorities: [String] = []
      var purposes: [String] = []
      for entry in byProgram[program] ?? [] {
        if case .text(let detail)? = entry.values["authority_detail"],
          let detail = nonBlank(detail), !authorities.contains(detail)
        {
          authorities.append(detail)
        }
        if case .text(let purpose)? = entry.values["flow_purpose"],
          let purpose = nonBlank(purpose), !purposes.contains(purpose)
        {
          purposes.append(purpose)
        }
      }
      if authorities.isEmpty, let stated = answered("program_authority") {
        authorities.append(stated)
      }
      if purposes.isEmpty, let stated = answered("project_purpose") { purposes.append(stated) }
      var gaps: [String] = []
      if authorities.isEmpty { gaps.append("The legal authority for the collection.") }
      if purposes.isEmpty { gaps.append("The principal purpose or purposes of the collection.") }
      for gap in contactGaps { gaps.append(gap.capitalizedFirst + ".") }
      programs.append(
        ReportModel.ProgramNotice(
          program: program,
          authority: authorities.isEmpty
            ? "[Missing: legal authority]" : authorities.joined(separator: "; "),
          purposes: purposes.isEmpty ? ["[Missing: principal purpose]"] : purposes,
          contact: contact, gaps: gaps))
    }
    var notice = ReportModel.Notice(
      institution: institution,
      authority: programs.map(\.authority).joined(separator: "; "),
      authorityPresent: !programs.contains { $0.authority.hasPrefix("[Missing") },
      purposes: programs.flatMap(\.purposes),
      purposesPresent: !programs.contains { $0.purposes.contains { $0.hasPrefix("[Missing") } },
      contact: contact, contactPresent: contactGaps.isEmpty, citation: citation,
      gaps: programs.flatMap { program in program.gaps.map { "\(program.program): \($0)" } },
      complete: programs.allSatisfy(\.gaps.isEmpty))
    notice.programs = programs
    if defaulted {
      notice.programNote =
        "No collecting program or form is named for some data flows; they are shown under the "
        + "initiative's title (\(initiative)). Name the program or form in each data flow."
    }
    return notice
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
      advice: hidden.contains("coordinator_advice")
        ? "Not included in the public version." : text("coordinator_advice"),
      adviceOutcome: isAsked("advice_outcome") ? text("advice_outcome") : nil,
      overruleReasons: hidden.contains("overrule_reasons") ? nil : answered("overrule_reasons"),
      ipcConsulted: ipcConsultation(),
      approvalStatus: "Draft: not yet approved by the head or delegate.")
  }

  func appendix() -> [ReportModel.AnswerSection] {
    let environment = AnswerEnvironment(answers: answers)
    return questionnaire.sections.compactMap { section in
      if let condition = section.showIf, !condition.evaluate(in: environment) { return nil }
      let questions = section.questions.filter {
        !hidden.contains($0.id) && questionnaire.isVisible($0, answers: answers)
      }
      .map { questionAnswer($0, value: answers[$0.id]) }
      return questions.isEmpty
        ? nil : ReportModel.AnswerSection(title: section.title, questions: questions)
    }
  }
}
