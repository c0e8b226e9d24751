import PIAKit

/// Lays out the history page (versions, sign-offs, the revise and approve
/// forms) and the diff page. The versions, the sign-off status and the
/// comparison are the session's; this only words them.
struct HistoryBuilder: Sendable {
  /// The assessment's `{name}`.
  let name: String

  /// What the user typed into the history page's forms, kept after a refusal.
  struct Input: Sendable {
    var reason = ""
    var reasonError: String?
    var role: String?
    var signer = ""
    var decision: String?
    var approvalReason = ""
    var conditions = ""
    var advice = ""
    var adviceReasons = ""
    var acceptsRisk = false
    var delegation = ""
    var date: String?
    var approveError: String?

    /// The approve form's fields as posted.
    init(approveForm form: FormData) {
      role = form.first("role")
      signer = form.first("name") ?? ""
      decision = form.first("decision")
      approvalReason = form.first("reason") ?? ""
      conditions = form.first("conditions") ?? ""
      advice = form.first("advice") ?? ""
      adviceReasons = form.first("advice_reasons") ?? ""
      acceptsRisk = form.first("accept_risk") == "yes"
      delegation = form.first("delegation") ?? ""
      date = form.first("date")
    }

    /// Nothing typed yet.
    init() {}
  }

  /// The history page of `snapshot`.
  func page(
    _ snapshot: AssessmentSnapshot, chrome: PageChrome, today: CalendarDate,
    input: Input = Input()
  ) -> HistoryPage {
    let session = snapshot.session
    let record = session.file.record
    let status = session.signOff
    var versions = record.history.map { entry in
      VersionRow(
        versionLabel: String(entry.version), revisedOn: entry.date.description,
        revisedBy: entry.by ?? "—", versionHash: entry.answersHash.short,
        versionResidual: entry.overallResidual?.title ?? "—", revisionReason: entry.reason,
        diffHref: "/a/\(name)/history/diff?from=\(entry.version)")
    }
    versions.append(
      VersionRow(
        versionLabel: "\(record.currentVersion) (current)", revisedOn: "—", revisedBy: "—",
        versionHash: status.currentHash.short,
        versionResidual: snapshot.assessment.overallResidual.title, revisionReason: "—",
        diffHref: nil))
    let signOffs = status.entries.map { entry in
      var lines: [String] = []
      if let reason = entry.approval.reason { lines.append("Reason: \(reason)") }
      if let conditions = entry.approval.conditions { lines.append("Conditions: \(conditions)") }
      if let delegation = entry.approval.delegation {
        lines.append("Signed as the head's delegate under \(delegation).")
      }
      if entry.approval.acceptsRisk {
        lines.append("Accepts the high or critical residual risk in writing.")
      }
      if let advice = entry.approval.advice {
        lines.append(
          "The privacy lead's advice was \(advice.rawValue)"
            + (entry.approval.adviceReasons.map { ": \($0)" } ?? "."))
      }
      return SignOffRow(signOffSummary: entry.summary, signOffLines: lines, stale: !entry.isCurrent)
    }
    return HistoryPage(
      page: chrome, title: snapshot.title, status: status.label, versions: versions,
      signOffs: signOffs, hasSignOffs: !signOffs.isEmpty,
      currentVersion: record.currentVersion, nextVersion: record.currentVersion + 1,
      needsNewVersion: session.needsNewVersion, reviseAction: "/a/\(name)/revise",
      reasonValue: input.reason, reasonError: input.reasonError,
      approveAction: "/a/\(name)/approve", approval: form(input, today: today),
      revision: snapshot.token.hex, answersHash: status.currentHash.hex,
      answersHashShort: status.currentHash.short)
  }

  private func form(_ input: Input, today: CalendarDate) -> ApprovalForm {
    func radios<Value: RawRepresentable>(
      _ field: String, _ values: [Value], selected: String?, label: (Value) -> String
    ) -> [FieldOption] where Value.RawValue == String {
      values.map { value in
        FieldOption(
          optionID: "\(field)-\(value.rawValue)", optionValue: value.rawValue,
          optionLabel: label(value), optionHint: nil, optionHintID: "",
          optionChecked: value.rawValue == selected)
      }
    }
    var advices = [
      FieldOption(
        optionID: "advice-none", optionValue: "", optionLabel: "Not recorded (not the head)",
        optionHint: nil, optionHintID: "", optionChecked: input.advice.isEmpty)
    ]
    advices += radios("advice", Approval.Advice.allCases, selected: input.advice) {
      $0 == .accepted ? "Accepted" : "Overruled"
    }
    return ApprovalForm(
      roles: radios("role", Approval.Role.allCases, selected: input.role) { $0.title },
      signerValue: input.signer,
      decisions: radios("decision", Approval.Decision.allCases, selected: input.decision) {
        $0.title
      },
      reasonText: input.approvalReason, conditionsText: input.conditions, advices: advices,
      adviceReasonsText: input.adviceReasons, acceptsRisk: input.acceptsRisk,
      delegationValue: input.delegation, dateValue: input.date ?? today.description,
      approveError: input.approveError)
  }

  /// "medium → high", or "medium" when the level did not move.
  static func movement(_ levels: LevelMovement) -> String {
    levels.from == levels.to ? levels.to.description : "\(levels.from) → \(levels.to)"
  }

  /// The diff page of `summary`.
  func diff(_ summary: ChangeSummary, title: String, chrome: PageChrome) -> DiffPage {
    var levels: [String] = []
    if let residual = summary.overallResidual {
      levels.append(
        "Overall residual risk: \(Self.movement(residual)) "
          + "(\(residual.direction)).")
    }
    if let inherent = summary.overallInherent {
      levels.append(
        "Overall inherent risk: \(Self.movement(inherent)) "
          + "(\(inherent.direction)).")
    }
    if let next = summary.nextReview { levels.append("Next review: \(next).") }
    let rows = summary.answers.map { change in
      let lines = change.lines.map { line in
        switch line {
        case .answered(let to): return to ?? ""
        case .unanswered(let was): return "Was: \(was ?? "")"
        case .changed(let from, let to):
          return "\(from ?? "not answered") → \(to ?? "not answered")"
        case .entry(let label, let added): return added ? "Added: \(label)" : "Removed: \(label)"
        case .field(let entry, let prompt, let from, let to):
          return "\(entry), \(prompt): \(from ?? "not answered") → \(to ?? "not answered")"
        }
      }
      return DiffRow(
        changeKey: change.prompt, changeKind: change.kind.rawValue.capitalizedSentence,
        changeLines: lines)
    }
    let findings = summary.findings.map { change -> String in
      switch change.kind {
      case .appeared: return "New: \(change.title) (residual \(change.residualText))."
      case .disappeared: return "No longer a finding: \(change.title) (was \(change.residualText))."
      case .moved:
        return "\(change.title): inherent \(change.inherentText), residual \(change.residualText)."
      }
    }
    let facts = summary.vendorFacts.map { fact in
      "\(fact.name): \(fact.from?.plainDescription ?? "unknown") → "
        + "\(fact.to?.plainDescription ?? "unknown")"
    }
    return DiffPage(
      page: chrome, title: title,
      heading: "Changes from \(summary.fromLabel) to \(summary.toLabel)",
      materiality: "\(summary.materiality.verdict.title) (\(summary.materiality.verdict.rawValue))",
      materialityReasons: summary.materiality.reasons.map { "\($0.description): \($0.detail)" },
      levels: levels, answerRows: rows, hasAnswerRows: !rows.isEmpty, findingLines: findings,
      hasFindingLines: !findings.isEmpty, factLines: facts, hasFactLines: !facts.isEmpty)
  }
}
