/// The staff report to council or committee (`council-report`): its header
/// block, the motion derived from the verdict, and the sections an Ontario
/// staff report carries (`real-documents.md` (b)).
extension ReportModel {
  /// What the staff report prints beyond the rest of the model. Every text
  /// is final ("Not stated" for an unanswered council question).
  public struct Council: Sendable, Hashable {
    /// False for an incomplete assessment: the report is marked "not ready
    /// for council", carries no motion and lists what is missing.
    public var ready: Bool = false
    /// Who the report goes to, `council_body`, else "Council" (`council.body`).
    public var body: String = ""
    /// The meeting date as answered (`council_meeting_date`), else "Not scheduled"
    /// (`council.meeting_date`).
    public var meetingDate: String = ""
    /// The staff report number (`report_number`), else "Not assigned" (`council.report_number`).
    public var reportNumber: String = ""
    /// The wards affected (`report_wards`), else "All wards" (`council.wards`).
    public var wards: String = ""
    /// The department or official the report is from (`report_from`; `council.from`).
    public var from: String = ""
    /// Who prepared the report (`report_prepared_by`), else the privacy lead
    /// (`council.prepared_by`).
    public var preparedBy: String = ""
    /// Who submits it (`report_submitted_by`; `council.submitted_by`).
    public var submittedBy: String = ""
    /// "‹Initiative›: privacy impact assessment" (`council.subject`).
    public var subject: String = ""
    /// The numbered recommendations, each a sentence starting "That Council".
    public var motion: [String] = []
    /// The executive summary's purpose sentence.
    public var purpose: String = ""
    /// Earlier council decisions on the initiative (`prior_council_decisions`;
    /// `council.prior_decisions`).
    public var priorDecisions: String = ""
    /// The options considered (`options_considered`), else a sentence that none other was recorded
    /// (`council.options`).
    public var options: String = ""
    /// The financial implications (`financial_implications`), else "Not stated in the assessment."
    /// (`council.financial`).
    public var financial: String = ""
    /// The licence cost as answered (`licence_cost`; `council.licence_cost`).
    public var licenceCost: String = ""
    /// Internal consultation as answered (`consultation_internal`;
    /// `council.consultation_internal`).
    public var consultationInternal: String = ""
    /// Legal services' consultation as answered (`consultation_legal`;
    /// `council.consultation_legal`).
    public var consultationLegal: String = ""
    /// Whether the IPC was consulted: "Yes, on 2026-02-03. Outcome: …", "No" or "Not answered"
    /// (`council.consultation_ipc`).
    public var consultationIPC: String = ""
    /// How the initiative serves the strategic plan (`strategic_plan_link`;
    /// `council.strategic_plan`).
    public var strategicPlan: String = ""
    /// The law and policy the report relies on, one line each.
    public var authority: [String] = []
    /// "Attachment 1 – …", numbered.
    public var attachments: [String] = []
    /// When staff report back, and the assessment's next review date (`council.report_back`).
    public var reportBack: String = ""
    /// The later changes council delegates to staff (`delegated_authority`), else a sentence that
    /// any change returns for a new assessment (`council.delegated_authority`).
    public var delegatedAuthority: String = ""
    /// The accessible-formats statement with the privacy-office contact
    /// (`council.accessible_formats`).
    public var accessibleFormats: String = ""
    /// For a report not ready for council: what the assessment still needs.
    public var missing: [String] = []

    /// An empty section (filled by the model builder).
    public init() {}
  }
}

extension ReportModel.Council {
  var templateValue: TemplateValue {
    ReportModel.object(
      [
        ("ready", .flag(ready)), ("not_ready", .flag(!ready)), ("body", .text(body)),
        ("meeting_date", .text(meetingDate)), ("report_number", .text(reportNumber)),
        ("wards", .text(wards)), ("from", .text(from)), ("prepared_by", .text(preparedBy)),
        ("submitted_by", .text(submittedBy)), ("subject", .text(subject)),
        (
          "motion",
          .list(
            motion.enumerated().map { index, text in
              .fields(["number": .text(String(index + 1)), "text": .text(text)])
            })
        ),
        ("purpose", .text(purpose)), ("prior_decisions", .text(priorDecisions)),
        ("options", .text(options)), ("financial", .text(financial)),
        ("licence_cost", .text(licenceCost)),
        ("consultation_internal", .text(consultationInternal)),
        ("consultation_legal", .text(consultationLegal)),
        ("consultation_ipc", .text(consultationIPC)), ("strategic_plan", .text(strategicPlan)),
        ("authority", .texts(authority)), ("attachments", .texts(attachments)),
        ("report_back", .text(reportBack)), ("delegated_authority", .text(delegatedAuthority)),
        ("accessible_formats", .text(accessibleFormats)),
      ] + ReportModel.list("missing", missing.map { .text($0) }))
  }
}

extension ReportModelBuilder {
  /// The marker for an unanswered council question.
  static let notStated = "Not stated"

  /// The staff report's parts, from the council module's answers and the
  /// conclusion. The motion follows the verdict: proceed; proceed subject
  /// to the conditions in Attachment 1; a residual risk accepted by the head
  /// (receive and note the acceptance and its conditions); do not proceed
  /// (receive for information and direct staff to return); incomplete (no
  /// motion: not ready for council).
  mutating func buildCouncil(
    initiative: String, contact: String, nextReview: String, noticeRequired: Bool
  ) -> ReportModel.Council {
    var council = ReportModel.Council()
    // The fields that print an answer of the council module as given, else a fallback.
    let answeredFields: [(WritableKeyPath<ReportModel.Council, String>, String, String)] = [
      (\.body, "council_body", "Council"),
      (\.meetingDate, "council_meeting_date", "Not scheduled"),
      (\.reportNumber, "report_number", "Not assigned"),
      (\.wards, "report_wards", "All wards"),
      (\.from, "report_from", Self.notStated),
      (\.preparedBy, "report_prepared_by", answered("privacy_lead") ?? Self.notStated),
      (\.submittedBy, "report_submitted_by", Self.notStated),
      (\.priorDecisions, "prior_council_decisions", Self.notStated),
      (
        \.options, "options_considered",
        "No options other than the one assessed were recorded in the assessment."
      ),
      (\.financial, "financial_implications", "Not stated in the assessment."),
      (\.licenceCost, "licence_cost", Self.notStated),
      (\.consultationInternal, "consultation_internal", Self.notStated),
      (\.consultationLegal, "consultation_legal", Self.notStated),
      (\.strategicPlan, "strategic_plan_link", Self.notStated),
      (
        \.delegatedAuthority, "delegated_authority",
        "None requested: any change of plan, new feature or new kind of information returns "
          + "for a new assessment."
      ),
    ]
    for (field, id, fallback) in answeredFields {
      council[keyPath: field] = answered(id) ?? fallback
    }
    let conclusion = assessment.conclusion
    council.ready = conclusion.verdict != .incomplete
    council.subject = "\(initiative): privacy impact assessment"
    let body = council.body
    let attachment = "the privacy impact assessment summary (Attachment 1)"
    let reportBack = answered("report_back_date")
    switch conclusion.verdict {
    case .incomplete:
      council.motion = []
      council.missing =
        conclusion.missing.map(\.prompt)
        + (conclusion.missing.isEmpty ? ["The assessment is not complete."] : [])
    case .doNotProceed:
      council.motion = [
        "That \(body) receive this report for information.",
        "That \(body) direct staff not to proceed with \(initiative), and to return "
          + (reportBack.map { "by \($0) " } ?? "")
          + "with a revised privacy impact assessment that resolves the issues set out in "
          + "\(attachment).",
      ]
    case .proceed, .proceedWithConditions:
      if let acceptance = conclusion.riskAcceptance {
        let signer =
          acceptance.name
          + (acceptance.delegation.map { ", delegate of the head under \($0)," } ?? "")
        council.motion = [
          "That \(body) receive and note the acceptance of the remaining privacy risk of "
            + "\(initiative) by \(signer) on \(acceptance.date), and the conditions of that "
            + "acceptance set out in \(attachment)."
        ]
      } else if conclusion.verdict == .proceedWithConditions {
        council.motion = [
          "That \(body) approve proceeding with \(initiative), subject to the conditions of "
            + "approval in \(attachment)."
        ]
      } else {
        council.motion = [
          "That \(body) approve proceeding with \(initiative), as assessed in \(attachment)."
        ]
      }
      if let reportBack {
        council.motion.append(
          "That staff report back to \(body) by \(reportBack) on the results, the conditions "
            + "and the review of the privacy impact assessment.")
      }
      if answered("delegated_authority") != nil {
        council.motion.append(
          "That \(body) delegate to staff the authority to approve the later changes described "
            + "under \"Delegated authority\" in this report, provided the privacy impact "
            + "assessment is updated first.")
      }
    }
    council.purpose =
      "To present the privacy impact assessment of \(initiative) under the Municipal Freedom "
      + "of Information and Protection of Privacy Act (MFIPPA) and "
      + (council.ready ? "recommend a decision on it." : "report that it is not yet complete.")
    council.consultationIPC = ipcConsultation()
    council.authority = [
      "Collection of personal information: \(cite("mfippa-s28-2")).",
      "Notice of collection: \(cite("mfippa-s29-2")).",
      "The head and the head's delegate: \(cite("mfippa-s3-1")) and \(cite("mfippa-s49-1")).",
    ]
    if let program = answered("program_authority") {
      council.authority.append("Program authority: \(program)")
    }
    council.attachments = ["Attachment 1 – Privacy Impact Assessment Summary"]
    if noticeRequired {
      council.attachments.append("Attachment 2 – Notice of Collection (draft)")
    }
    council.reportBack =
      reportBack.map {
        "Staff will report back by \($0). The assessment is next reviewed by \(nextReview)."
      } ?? "The assessment is next reviewed by \(nextReview)."
    council.accessibleFormats =
      "This report and its attachments are available in accessible formats and with "
      + "communication supports on request. \(contact)"
    return council
  }

  /// "Yes, on 2026-02-03: outcome" or "No".
  func ipcConsultation() -> String {
    guard answers["ipc_consulted"] == .bool(true) else {
      return answers["ipc_consulted"] == .bool(false) ? "No" : ReportModel.notAnswered
    }
    var text = "Yes"
    if let date = answered("ipc_consultation_date") { text += ", on \(date)" }
    text += ". Outcome: " + (answered("ipc_consultation_outcome") ?? "not recorded")
    return text.hasSuffix(".") ? text : text + "."
  }
}
