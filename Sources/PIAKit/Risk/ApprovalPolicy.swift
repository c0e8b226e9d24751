/// Which sign-offs an assessment's conclusion allows: the one place that
/// keeps approvals consistent with the verdict.
///
/// - A rejection is always allowed (with its reason).
/// - `approved` and `approved_with_conditions` are refused while the verdict
///   is `incomplete` or `do_not_proceed`.
/// - The one exception: when the only reason is a high or critical residual
///   level, the head may accept the risk in writing (`--accept-risk` with a
///   reason). The head is council, or a member or committee of council it
///   designates (MFIPPA s. 3); staff such as the clerk sign as the head's
///   delegate under MFIPPA s. 49(1), naming the delegation by-law.
/// - A compliance blocker or an incomplete assessment can never be accepted.
///
/// Pure: it takes the conclusion (with any acceptance already recorded
/// applied) and the requested approval, and throws a readable refusal.
public enum ApprovalPolicy {
  /// A sign-off someone asks to record.
  public struct Request: Sendable, Hashable {
    /// Who signs: the head (or delegate), the privacy lead or the program owner.
    public var role: Approval.Role
    /// Approved, approved with conditions, or rejected.
    public var decision: Approval.Decision
    /// `--accept-risk`: the head (or delegate) accepts a high or critical residual risk.
    public var acceptsRisk: Bool
    /// The signer's written reasons; required for a rejection and with `--accept-risk`.
    public var reason: String?
    /// The conditions of an approval with conditions, as written; `nil` when none.
    public var conditions: String?
    /// For a delegate of the head: the by-law or written delegation (MFIPPA s. 49(1)).
    public var delegation: String?

    /// Makes a request; `acceptsRisk` is `false` unless `--accept-risk` is given.
    public init(
      role: Approval.Role, decision: Approval.Decision, acceptsRisk: Bool = false,
      reason: String? = nil, conditions: String? = nil, delegation: String? = nil
    ) {
      self.role = role
      self.decision = decision
      self.acceptsRisk = acceptsRisk
      self.reason = reason
      self.conditions = conditions
      self.delegation = delegation
    }
  }

  /// Why a sign-off is refused, in words for the person signing.
  public struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The refusal in full sentences, naming what stands in the way and the command that helps.
    public var message: String
    /// The same text as `message`.
    public var description: String { message }
  }

  /// Checks `request` against `conclusion`.
  ///
  /// - Throws: ``Refusal`` naming what stands in the way and what to do.
  public static func check(_ request: Request, conclusion: Conclusion) throws(Refusal) {
    if request.decision == .rejected {
      if request.acceptsRisk {
        throw Refusal(message: "'--accept-risk' goes with an approval, not a rejection.")
      }
      return
    }
    if request.acceptsRisk {
      try checkAcceptance(request, conclusion: conclusion)
      return
    }
    switch conclusion.verdict {
    case .proceed, .proceedWithConditions:
      return
    case .incomplete:
      throw Refusal(message: incompleteMessage(conclusion))
    case .doNotProceed:
      if !conclusion.blockers.isEmpty {
        throw Refusal(message: blockerMessage(conclusion))
      }
      throw Refusal(
        message:
          "The conclusion is \"Do not proceed\": the overall residual risk is high or critical. "
          + "Reduce the risk and score again, or the head (or a delegate under MFIPPA s. 49(1)) "
          + "may accept it in writing first: pia approve --role head --decision approved "
          + "--accept-risk --reason \"…\". Until then it cannot be "
          + "\(request.decision == .approved ? "approved" : "approved with conditions").")
    }
  }

  private static func checkAcceptance(_ request: Request, conclusion: Conclusion)
    throws(Refusal)
  {
    guard request.role == .head else {
      throw Refusal(
        message:
          "Only the head (council, or the member or committee of council it designates, "
          + "MFIPPA s. 3) or the head's delegate under MFIPPA s. 49(1) can accept a residual "
          + "risk; sign with '--role head' (and '--delegation' for a delegate).")
    }
    guard let reason = request.reason, !reason.isBlank else {
      throw Refusal(
        message:
          "Accepting a residual risk needs the head's written reasons: add '--reason \"…\"'.")
    }
    if conclusion.verdict == .incomplete {
      throw Refusal(
        message: incompleteMessage(conclusion) + " An incomplete assessment's risk cannot be "
          + "accepted.")
    }
    if !conclusion.blockers.isEmpty {
      throw Refusal(message: blockerMessage(conclusion))
    }
    guard conclusion.onlyResidualRisk else {
      throw Refusal(
        message:
          "There is no high or critical residual risk to accept: the conclusion is "
          + "\"\(conclusion.label)\". Approve without '--accept-risk'.")
    }
  }

  private static func incompleteMessage(_ conclusion: Conclusion) -> String {
    let shown = conclusion.missing.prefix(5).map { "\($0.prompt) [\($0.question)]" }
    let more = conclusion.missing.count > 5 ? " (and \(conclusion.missing.count - 5) more)" : ""
    return
      "The assessment is incomplete: \(conclusion.missing.count) answer"
      + "\(conclusion.missing.count == 1 ? " is" : "s are") missing — "
      + shown.joined(separator: "; ") + more
      + ". Answer them (pia interview), score again, then approve."
  }

  private static func blockerMessage(_ conclusion: Conclusion) -> String {
    let prefix = "Compliance blocker: "
    let reasons = conclusion.reasons.filter { $0.hasPrefix(prefix) }.map {
      String($0.dropFirst(prefix.count))
    }
    return
      "The conclusion is \"Do not proceed\" because of \(conclusion.blockers.count) compliance "
      + "blocker\(conclusion.blockers.count == 1 ? "" : "s"): "
      + reasons.joined(separator: " ")
      + " A compliance blocker cannot be approved or accepted; change the collection or "
      + "disclosure and score again."
  }

  /// The conclusion once the latest head approval of the current answers
  /// that accepted the residual risk is applied (see ``Conclusion/accepting(_:openActions:)``).
  ///
  /// - Parameters:
  ///   - conclusion: The engine's conclusion.
  ///   - approvals: Every approval recorded, in file order.
  ///   - currentHash: The hash of the answers the conclusion was drawn from.
  ///   - openActions: How many actions are open.
  public static func applying(
    _ approvals: [Approval], to conclusion: Conclusion, currentHash: AnswersHash, openActions: Int
  ) -> Conclusion {
    guard
      let head = approvals.last(where: { $0.role == .head && $0.answersHash == currentHash }),
      head.acceptsRisk, head.decision != .rejected
    else { return conclusion }
    let acceptance = Conclusion.RiskAcceptance(
      name: head.name, delegation: head.delegation, date: head.date, reason: head.reason ?? "",
      conditions: head.conditions)
    return conclusion.accepting(acceptance, openActions: openActions) ?? conclusion
  }
}

extension Assessment {
  /// The assessment with the head's recorded acceptance of the residual risk
  /// (if any, for exactly these answers) applied to its conclusion.
  ///
  /// - Parameter currentHash: The hash of the signed answers
  ///   (`Questionnaire.signedAnswersHash(_:)`), computed only when an
  ///   acceptance is recorded.
  public func applyingApprovals(
    _ approvals: [Approval], currentHash: @autoclosure () -> AnswersHash
  ) -> Assessment {
    // Hashing the answers costs a pass over them; only an acceptance needs it.
    guard approvals.contains(where: { $0.role == .head && $0.acceptsRisk }) else { return self }
    var result = self
    result.conclusion = ApprovalPolicy.applying(
      approvals, to: conclusion, currentHash: currentHash(),
      openActions: actions.filter { $0.status == "open" }.count)
    return result
  }
}
