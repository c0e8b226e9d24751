import PIAKit

/// The banner after a save: what the change did to the risk (overall
/// residual level, recommendation and findings, before → after) and which
/// other answers it set aside or brought back. The figures are the
/// session's scores of the file before and after; this only words them.
enum RiskNotice {
  /// The most findings named one by one; the rest are counted.
  static let findingsNamed = 5

  /// The notice for a saved change.
  ///
  /// - Parameters:
  ///   - heading: "Answer saved", "Data flow removed" …
  ///   - before: The file before the change.
  ///   - after: The file after it.
  ///   - change: The answers the change moved besides its own.
  static func saved(
    _ heading: String, before: AssessmentSnapshot, after: AssessmentSnapshot,
    change: SessionChange = SessionChange()
  ) -> Notice {
    var lines: [String] = []
    let from = before.assessment.overallResidual
    let to = after.assessment.overallResidual
    lines.append(
      from == to
        ? "Overall residual risk: still \(to.title)."
        : "Overall residual risk: \(from.title) → \(to.title).")
    if before.verdict != after.verdict {
      lines.append("Recommendation: \(before.verdict) → \(after.verdict).")
    }
    let findings = AssessmentDiff.findings(before.assessment, after.assessment)
    for finding in findings.prefix(findingsNamed) {
      switch finding.kind {
      case .appeared:
        lines.append("New finding: \(finding.title) (residual \(finding.residualTo?.title ?? "")).")
      case .disappeared:
        lines.append("No longer a finding: \(finding.title).")
      case .moved:
        lines.append("\(finding.title): residual \(finding.residualText).")
      }
    }
    if findings.count > findingsNamed {
      let more = findings.count - findingsNamed
      lines.append("And \(more) more change\(more == 1 ? "" : "s") in the findings.")
    }
    if findings.isEmpty && from == to { lines.append("No finding changed.") }
    lines += moved(change)
    return Notice(noticeHeading: heading, noticeLines: lines)
  }

  /// The notice for a save that changed nothing.
  static func unchanged(_ heading: String) -> Notice {
    Notice(noticeHeading: heading, noticeLines: ["The answer is as it was; nothing changed."])
  }

  /// Lines for the answers a change moved besides its own.
  static func moved(_ change: SessionChange) -> [String] {
    var lines: [String] = []
    if !change.hidden.isEmpty {
      lines.append(
        "\(count(change.hidden.count)) no longer appl\(change.hidden.count == 1 ? "ies" : "y"); "
          + "kept aside, \(change.hidden.count == 1 ? "it comes" : "they come") back if "
          + "\(change.hidden.count == 1 ? "it applies" : "they apply") again.")
    }
    if !change.restored.isEmpty {
      lines.append(
        "\(count(change.restored.count)) appl\(change.restored.count == 1 ? "ies" : "y") again "
          + "and \(change.restored.count == 1 ? "was" : "were") brought back.")
    }
    if !change.removed.isEmpty {
      lines.append(
        "\(count(change.removed.count)) in this entry no longer appl"
          + "\(change.removed.count == 1 ? "ies and was" : "y and were") removed.")
    }
    return lines
  }

  private static func count(_ number: Int) -> String {
    number == 1 ? "1 other answer" : "\(number) other answers"
  }
}
