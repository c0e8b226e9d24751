/// The verdict of an assessment and why: what `pia score` prints under
/// `conclusion` and every document prints beside its conclusion.
///
/// The rule, applied in order (see `docs/risk-method.md` §5):
///
/// 1. an established compliance blocker (personal information with no
///    authority under MFIPPA s. 28(2), a disclosure with no ground in s. 32, a
///    personal information bank missing from the index once operating) →
///    `do_not_proceed`, whatever the residual level;
/// 2. a required question unanswered, or a finding that fires only because a
///    question is unanswered → `incomplete`, listing them (never "proceed");
/// 3. an overall residual level of high or critical → `do_not_proceed`, unless
///    the head (or delegate) accepts the risk in writing (``accepting(_:)``);
/// 4. open actions → `proceed_with_conditions`;
/// 5. otherwise → `proceed`.
public struct Conclusion: Sendable, Hashable {
  /// The four verdicts, as written in JSON.
  public enum Verdict: String, Sendable, Hashable, CaseIterable {
    /// No blocker, nothing missing, residual level low or medium (or accepted), no open action.
    case proceed
    /// As `proceed`, but actions are open or the head's acceptance set conditions.
    case proceedWithConditions = "proceed_with_conditions"
    /// An established compliance blocker, or a high or critical residual level not accepted.
    case doNotProceed = "do_not_proceed"
    /// A required question or a question a finding waits for is unanswered.
    case incomplete

    /// As printed: "Proceed", "Proceed with conditions", "Do not proceed", "Incomplete".
    public var label: String {
      switch self {
      case .proceed: return "Proceed"
      case .proceedWithConditions: return "Proceed with conditions"
      case .doNotProceed: return "Do not proceed"
      case .incomplete: return "Incomplete"
      }
    }
  }

  /// An answer the verdict is waiting for.
  public struct MissingAnswer: Sendable, Hashable {
    /// The question id, or `group.field@entry` inside a repeating group.
    public var question: String
    /// The question as asked (with the entry's name inside a group).
    public var prompt: String
    /// Why it is needed: "required", or the key of the finding that is not
    /// yet established without it.
    public var because: String
  }

  /// The head's (or delegate's) written acceptance of a high or critical
  /// residual risk, recorded with `pia approve --accept-risk`.
  public struct RiskAcceptance: Sendable, Hashable {
    /// Who accepted, as recorded.
    public var name: String
    /// The delegation by-law when the signer is the head's delegate under
    /// MFIPPA s. 49(1); `nil` for the head (council, or its designated member
    /// or committee, s. 3).
    public var delegation: String?
    /// The date of the written acceptance.
    public var date: CalendarDate
    /// The written reasons.
    public var reason: String
    /// Conditions the head attached to the acceptance; `nil` when none.
    public var conditions: String?
  }

  /// The verdict: `proceed`, `proceed_with_conditions`, `do_not_proceed` or `incomplete`.
  public var verdict: Verdict
  /// The reasons, in plain words, each naming its citation where there is one.
  public var reasons: [String]
  /// Keys of the established compliance blockers.
  public var blockers: [String]
  /// What the verdict is waiting for (the `incomplete` list).
  public var missing: [MissingAnswer]
  /// Whether the overall residual level is high or critical.
  public var residualHigh: Bool
  /// Set when the head accepted the residual risk.
  public var riskAcceptance: RiskAcceptance?

  /// Makes a conclusion; the defaults are those of a conclusion with nothing missing or accepted.
  public init(
    verdict: Verdict, reasons: [String], blockers: [String] = [], missing: [MissingAnswer] = [],
    residualHigh: Bool = false, riskAcceptance: RiskAcceptance? = nil
  ) {
    self.verdict = verdict
    self.reasons = reasons
    self.blockers = blockers
    self.missing = missing
    self.residualHigh = residualHigh
    self.riskAcceptance = riskAcceptance
  }

  /// The verdict as printed, with the acceptance when there is one:
  /// "Proceed — residual risk accepted by the head".
  public var label: String {
    guard let acceptance = riskAcceptance else { return verdict.label }
    let who = acceptance.delegation == nil ? "the head" : "the head's delegate"
    return "\(verdict.label) — residual risk accepted by \(who)"
  }

  /// Whether the only thing between this conclusion and "proceed" is a high
  /// or critical residual level, the one case the head may accept.
  public var onlyResidualRisk: Bool {
    verdict == .doNotProceed && blockers.isEmpty && missing.isEmpty && residualHigh
  }

  /// The conclusion once the head (or delegate) accepted the residual risk:
  /// `proceed` (or `proceed_with_conditions` when actions are open or
  /// conditions were set), with the acceptance named in the reasons; `nil`
  /// when the risk cannot be accepted (a blocker, or an incomplete
  /// assessment, or nothing to accept).
  public func accepting(_ acceptance: RiskAcceptance, openActions: Int) -> Conclusion? {
    guard onlyResidualRisk else { return nil }
    var accepted = self
    let conditional = openActions > 0 || !(acceptance.conditions ?? "").isBlank
    accepted.verdict = conditional ? .proceedWithConditions : .proceed
    let who =
      acceptance.delegation.map { "\(acceptance.name), delegate of the head (\($0))" }
      ?? "\(acceptance.name), for the head"
    var line =
      "Residual risk accepted in writing by \(who) on \(acceptance.date): \(acceptance.reason)"
    if !line.hasSuffix(".") { line += "." }
    if let conditions = acceptance.conditions, !conditions.isBlank {
      line += " Conditions: \(conditions)"
      if !conditions.hasSuffix(".") { line += "." }
    }
    accepted.reasons.append(line)
    accepted.riskAcceptance = acceptance
    return accepted
  }

  /// Draws the conclusion from scored findings.
  ///
  /// - Parameters:
  ///   - findings: Every finding (not-yet-established ones included).
  ///   - missing: Required questions unanswered, then the questions whose
  ///     answers not-yet-established findings wait for.
  ///   - residual: The overall residual level.
  ///   - openActions: How many actions are open.
  ///   - noPersonalInformation: Whether screening found no personal information.
  ///   - cite: Prints a law-catalogue id ("" leaves it out: a bill not yet
  ///     introduced on the assessment date).
  public static func draw(
    findings: [Finding], missing: [MissingAnswer], residual: RiskLevel, openActions: Int,
    noPersonalInformation: Bool, cite: (String) -> String
  ) -> Conclusion {
    let blockers = findings.filter { $0.blocker && $0.established }
    let high = residual >= .high
    func citation(_ finding: Finding) -> String {
      let printed = finding.citations.map(cite).filter { !$0.isEmpty }
      return printed.isEmpty ? "" : " (\(printed.joined(separator: "; ")))"
    }
    if !blockers.isEmpty {
      var reasons = blockers.map { finding in
        "Compliance blocker: \(finding.title)"
          + (finding.flowLabel.map { " — \($0)" } ?? "") + citation(finding) + "."
      }
      reasons.append(
        "A compliance blocker cannot be mitigated or accepted: the collection or disclosure has "
          + "to change.")
      if !missing.isEmpty {
        reasons.append(
          "The assessment is also incomplete: \(missing.count) answer"
            + "\(missing.count == 1 ? " is" : "s are") missing.")
      }
      return Conclusion(
        verdict: .doNotProceed, reasons: reasons, blockers: blockers.map(\.key), missing: missing,
        residualHigh: high)
    }
    if !missing.isEmpty {
      var reasons: [String] = []
      let required = missing.filter { $0.because == "required" }
      if !required.isEmpty {
        reasons.append(
          "\(required.count) required question\(required.count == 1 ? " is" : "s are") not "
            + "answered: " + required.map(\.prompt).joined(separator: "; "))
      }
      let pending = findings.filter { !$0.established }
      for finding in pending {
        let prompts = missing.filter { finding.unanswered.contains($0.question) }.map(\.prompt)
        reasons.append(
          "Not yet established: \(finding.title)"
            + (finding.flowLabel.map { " — \($0)" } ?? "")
            + " depends on \(prompts.isEmpty ? "unanswered questions" : prompts.joined(separator: "; "))"
        )
      }
      return Conclusion(
        verdict: .incomplete, reasons: reasons, missing: missing, residualHigh: high)
    }
    if high {
      return Conclusion(
        verdict: .doNotProceed,
        reasons: [
          "The overall residual risk is \(residual): reduce it, or the head (or a delegate "
            + "under MFIPPA s. 49(1)) may accept it in writing with reasons. Consulting the IPC "
            + "before launch is recommended."
        ], residualHigh: true)
    }
    if openActions > 0 {
      return Conclusion(
        verdict: .proceedWithConditions,
        reasons: [
          "\(openActions) action\(openActions == 1 ? "" : "s") must be completed as conditions "
            + "of approval."
        ])
    }
    if noPersonalInformation {
      return Conclusion(
        verdict: .proceed,
        reasons: ["The screening found no personal information, so no full assessment is needed."]
      )
    }
    return Conclusion(
      verdict: .proceed,
      reasons: [
        "Every question is answered; no compliance blocker, no high or critical residual risk, "
          + "and no open action."
      ])
  }
}

/// The verdict of an assessment (``Conclusion/Verdict``), named at the top
/// level for types that have a `Conclusion` of their own.
public typealias AssessmentVerdict = Conclusion.Verdict
