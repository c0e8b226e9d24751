/// Versions, sign-off status and "Changes since version N" in the report model.
extension ReportModel {
  /// Fills the document's version, status ("Draft" until the head approves
  /// the current answers), revision history and sign-off from the answers
  /// file's `history:` and `approvals:` sections.
  public mutating func applyRevisionRecord(_ record: RevisionRecord, signedHash: AnswersHash) {
    let status = SignOffStatus(currentHash: signedHash, record: record)
    answersHash = status.currentHash
    document.version = String(status.currentVersion)
    document.status = status.label
    document.revisions = Self.revisions(record, currentDate: document.assessedAsOf)

    let roles: [(Approval.Role, String)] = [
      (.head, "Head or delegate"), (.privacyLead, "Privacy or FOI coordinator"),
      (.programOwner, "Program owner"),
    ]
    for (role, label) in roles {
      guard let index = signOff.signers.firstIndex(where: { $0.role == label }) else { continue }
      if let current = status.current.last(where: { $0.approval.role == role }) {
        signOff.signers[index].date = current.approval.date.description
        signOff.signers[index].decision = current.approval.decision.title
      } else if let stale = status.stale.last(where: { $0.approval.role == role }) {
        signOff.signers[index].date = stale.approval.date.description
        signOff.signers[index].decision =
          "\(stale.approval.decision.title), for an earlier version"
          + (stale.version.map { " (version \($0))" } ?? "")
      }
    }
    if let head = status.headDecision {
      if let advice = head.advice {
        signOff.adviceOutcome =
          advice == .accepted
          ? "Accepted by the head or delegate" : "Overruled by the head or delegate"
        if let reasons = head.adviceReasons { signOff.overruleReasons = reasons }
      }
    }
    signOff.approvalStatus = Self.approvalStatus(status)
  }

  /// Applies the answers file's history and approvals.
  public mutating func applyRevisionRecord(from file: AssessmentFile, questionnaire: Questionnaire)
  {
    applyRevisionRecord(file.record, signedHash: questionnaire.signedAnswersHash(file.answers))
  }

  /// Fills the optional "Changes since version N" slot.
  public mutating func applyChanges(_ summary: ChangeSummary) {
    changes = Self.changes(summary)
  }

  /// One sentence on the sign-off status, naming approvals that apply only
  /// to an earlier version.
  static func approvalStatus(_ status: SignOffStatus) -> String {
    var text: String
    if let head = status.headDecision {
      let signer =
        head.delegation.map {
          "\(head.name), delegate of the head under MFIPPA s. 49(1) (\($0)),"
        } ?? head.name
      text =
        "\(head.decision.title) by \(signer) on \(head.date), for these answers "
        + "(\(status.currentHash.short))."
      if head.acceptsRisk, let reason = head.reason {
        text += " The residual risk was accepted in writing: \(reason)"
        if !reason.hasSuffix(".") { text += "." }
      }
      if let conditions = head.conditions, head.decision == .approvedWithConditions {
        text += " Conditions: \(conditions)"
        if !conditions.hasSuffix(".") { text += "." }
      }
      if head.decision == .rejected, let reason = head.reason { text += " Reason: \(reason)" }
    } else {
      text = "Draft: not yet approved by the head or delegate."
    }
    let staleHead = status.stale.filter { $0.approval.role == .head }
    if let last = staleHead.last {
      text +=
        " An earlier approval (\(last.approval.date)) applies to "
        + (last.version.map { "version \($0)" } ?? "an earlier version")
        + ", not to these answers."
    }
    return text
  }

  static func revisions(_ record: RevisionRecord, currentDate: String) -> [Revision] {
    var rows: [Revision] = []
    var description = "First assessment"
    for entry in record.history {
      var date = "Not recorded"
      if case .date(let assessed)? = entry.answers["assessment_date"] {
        date = assessed.description
      }
      rows.append(Revision(version: String(entry.version), date: date, description: description))
      description =
        "Revised (\(entry.date))" + (entry.by.map { " by \($0)" } ?? "") + ": \(entry.reason)"
    }
    rows.append(
      Revision(version: String(record.currentVersion), date: currentDate, description: description))
    return rows
  }

  /// The report's "Changes since version N": the redline as sentences, and a
  /// short form for the council appendix.
  public static func changes(_ summary: ChangeSummary) -> Changes {
    let since = summary.fromVersion.map(String.init) ?? summary.fromLabel
    var materiality = summary.materiality.verdict.title
    if !summary.materiality.reasons.isEmpty {
      materiality +=
        ": " + summary.materiality.reasons.map(\.description).joined(separator: " ")
    } else {
      materiality += "."
    }
    var items: [String] = []
    if let residual = summary.overallResidual {
      var line = "Overall residual risk: \(movement(residual))"
      if let inherent = summary.overallInherent { line += "; inherent risk: \(movement(inherent))" }
      items.append(line + ".")
    }
    if let verdict = summary.verdict, verdict.changed {
      items.append("Verdict: \(verdict.fromLabel) → \(verdict.toLabel).")
    }
    for change in summary.answers {
      for line in change.lines {
        switch line {
        case .answered(let to): items.append("\(change.prompt) Now answered: \(to ?? "").")
        case .unanswered(let was):
          items.append("\(change.prompt) No longer answered (was: \(was ?? "")).")
        case .changed(let from, let to):
          items.append("\(change.prompt) \(from ?? "") → \(to ?? "").")
        case .entry(let label, let added):
          items.append(added ? "New \(label)." : "Removed \(label).")
        case .field(let entry, let prompt, let from, let to):
          items.append(
            "\(entry), \(prompt) \(from ?? "Not answered") → \(to ?? "Not answered").")
        }
      }
    }
    for finding in summary.findings {
      switch finding.kind {
      case .appeared:
        items.append("New risk: \(finding.title) (residual \(finding.residualText)).")
      case .disappeared:
        items.append("No longer applies: \(finding.title) (was \(finding.residualText)).")
      case .moved:
        items.append(
          "Risk level moved: \(finding.title) (inherent \(finding.inherentText); residual "
            + "\(finding.residualText)).")
      }
    }
    for fact in summary.vendorFacts {
      items.append(
        "Vendor fact \(fact.name.replacingOccurrences(of: "_", with: " ")): \(fact.from?.plainDescription ?? "unknown") → "
          + "\(fact.to?.plainDescription ?? "unknown").")
    }
    if let next = summary.nextReview { items.append("Next review by \(next).") }

    var short: [String] = []
    if summary.answers.isEmpty {
      short.append("No answer changed.")
    } else {
      let prompts = summary.answers.prefix(4).map(\.prompt).joined(separator: " ")
      let more = summary.answers.count > 4 ? " (and \(summary.answers.count - 4) more)" : ""
      let count = summary.answers.count
      short.append("\(count) answer\(count == 1 ? "" : "s") changed: \(prompts)\(more)")
    }
    if let residual = summary.overallResidual {
      short.append("Overall residual risk: \(movement(residual)).")
    }
    if let verdict = summary.verdict, verdict.changed {
      short.append("Verdict: \(verdict.fromLabel) → \(verdict.toLabel).")
    }
    let appeared = summary.findingsAppeared.count
    let gone = summary.findingsDisappeared.count
    if appeared + gone > 0 {
      short.append(
        "\(appeared) new risk\(appeared == 1 ? "" : "s"); \(gone) no longer appl\(gone == 1 ? "ies" : "y")."
      )
    }
    return Changes(sinceVersion: since, materiality: materiality, items: items, shortItems: short)
  }

  private static func movement(_ movement: LevelMovement) -> String {
    movement.from == movement.to
      ? "\(movement.to.title) (unchanged)" : "\(movement.from.title) → \(movement.to.title)"
  }
}
