/// A sign-off to record with `AssessmentSession.approve(_:)`: who signs,
/// their decision and what goes with it.
public struct ApprovalRequest: Sendable, Hashable {
  /// Who signs.
  public var role: Approval.Role
  /// The name and title of the person signing.
  public var name: String
  /// The decision.
  public var decision: Approval.Decision
  /// Why (required for a rejection).
  public var reason: String?
  /// The conditions (required with `approved_with_conditions`).
  public var conditions: String?
  /// The date of the decision.
  public var date: CalendarDate
  /// Head only: whether the privacy lead's advice was accepted or overruled.
  public var advice: Approval.Advice?
  /// Head only: why the advice was accepted or overruled (required when overruled).
  public var adviceReasons: String?
  /// Head (or delegate) only: accept a high or critical residual risk in
  /// writing (`reason` holds the written reasons). See ``ApprovalPolicy``.
  public var acceptsRisk: Bool
  /// Head's delegate only: the by-law or written delegation (MFIPPA s. 49(1)).
  public var delegation: String?

  /// A request; see the properties for what each part means.
  public init(
    role: Approval.Role, name: String, decision: Approval.Decision, reason: String? = nil,
    conditions: String? = nil, date: CalendarDate, advice: Approval.Advice? = nil,
    adviceReasons: String? = nil, acceptsRisk: Bool = false, delegation: String? = nil
  ) {
    self.role = role
    self.name = name
    self.decision = decision
    self.reason = reason
    self.conditions = conditions
    self.date = date
    self.advice = advice
    self.adviceReasons = adviceReasons
    self.acceptsRisk = acceptsRisk
    self.delegation = delegation
  }
}

extension AssessmentSession {
  /// The version number of the current answers (1 with no history).
  public var currentVersion: Int { file.record.currentVersion }

  /// The hash approvals sign: the current answers without the unsigned ones
  /// (``Questionnaire/signedAnswersHash(_:)``, the one function for it).
  public var signedAnswersHash: AnswersHash { questionnaire.signedAnswersHash(file.answers) }

  /// Which sign-offs apply to the current answers, and the header label.
  public var signOff: SignOffStatus {
    SignOffStatus(currentHash: signedAnswersHash, record: file.record)
  }

  /// The date the assessment speaks as of: `override` when given, else the
  /// file's assessment date (`assessment_date`, else `started`).
  ///
  /// - Throws: `SessionError.refused` when there is none: scores and
  ///   documents are never dated by the clock, so the same answers always
  ///   give the same result.
  public func assessmentDate(override: CalendarDate? = nil) throws(SessionError) -> CalendarDate {
    if let date = override ?? file.assessmentDate { return date }
    throw SessionError(
      .refused,
      "the assessment has no date: answer '\(AssessmentFile.assessmentDateQuestion)' (or set "
        + "'started' in the 'assessment' block), or give the date explicitly")
  }

  /// The risk engine for this questionnaire and the catalogue's rules.
  public var engine: RiskEngine {
    RiskEngine(
      questionnaire: questionnaire, rules: content.rules.rules, vendors: content.vendors,
      law: content.law)
  }

  /// The current answers scored as of `date`, with the head's recorded
  /// acceptance of the residual risk (if any, for exactly these answers)
  /// applied to the conclusion.
  public func assessment(
    asOf date: CalendarDate, staleAfterDays: Int = RiskEngine.defaultStaleAfterDays
  ) -> Assessment {
    engine.assess(answers: file.answers, asOf: date, staleAfterDays: staleAfterDays)
      .applyingApprovals(file.approvals, currentHash: signedAnswersHash)
  }

  /// Starts a revision: records the current answers as a closed version
  /// (their hash, their overall residual level, the date, the reason and who
  /// revised), approved or not. The answers themselves are unchanged; the
  /// edits that follow make the new version.
  ///
  /// Nothing is recorded when there are no answers yet, or when the last
  /// version already holds exactly these answers (a revision started twice
  /// without a change in between).
  ///
  /// - Parameters:
  ///   - reason: Why the assessment is revised ("scope widened to the
  ///     records system"); must not be blank.
  ///   - date: The date the revision starts.
  ///   - by: Who revises.
  /// - Returns: The version recorded, or `nil` when none was needed.
  /// - Throws: `SessionError.invalid` for a blank reason.
  @discardableResult
  public mutating func revise(reason: String, date: CalendarDate, by: String?)
    throws(SessionError) -> HistoryEntry?
  {
    let reason = reason.trimmingWhiteSpace
    guard !reason.isEmpty else {
      throw SessionError(
        .invalid,
        "a revision needs a reason (for example \"scope widened to the records system\")")
    }
    guard needsNewVersion else { return nil }
    let scored = assessment(asOf: file.assessmentDate ?? date)
    let entry = HistoryEntry(
      version: currentVersion, date: date, reason: reason, by: by?.trimmingWhiteSpace,
      answersHash: signedAnswersHash, overallResidual: scored.overallResidual,
      answers: file.answers)
    file.history.append(entry)
    return entry
  }

  /// Whether `revise` would record a version: there are answers and the
  /// last version does not already hold them.
  public var needsNewVersion: Bool {
    !file.answers.isEmpty && file.history.last?.answersHash != signedAnswersHash
  }

  /// Records a sign-off of the current answers (their hash is stored with it,
  /// so a later change of answers makes it apply to an earlier version).
  ///
  /// - Returns: The sign-off status after recording.
  /// - Throws: `SessionError.invalid` when the request is incomplete: a
  ///   blank name, a rejection without a reason, conditions missing for
  ///   `approved_with_conditions`, advice recorded by someone other than the
  ///   head, overruled advice without reasons, a delegation named by someone
  ///   other than the head. `SessionError.refused` when the conclusion does
  ///   not allow the sign-off (``ApprovalPolicy``: no approval while the
  ///   verdict is incomplete or do-not-proceed, unless the head accepts a
  ///   residual risk in writing).
  @discardableResult
  public mutating func approve(_ request: ApprovalRequest) throws(SessionError) -> SignOffStatus {
    func refuse(_ message: String) -> SessionError { SessionError(.invalid, message) }
    let name = request.name.trimmingWhiteSpace
    if name.isEmpty { throw refuse("the name of the person signing must not be empty") }
    let reason = request.reason.map(\.trimmingWhiteSpace).flatMap { $0.isEmpty ? nil : $0 }
    let conditions = request.conditions.map(\.trimmingWhiteSpace).flatMap {
      $0.isEmpty ? nil : $0
    }
    let adviceReasons = request.adviceReasons.map(\.trimmingWhiteSpace).flatMap {
      $0.isEmpty ? nil : $0
    }
    if request.decision == .approvedWithConditions, conditions == nil {
      throw refuse("a decision 'approved_with_conditions' needs the conditions")
    }
    if request.decision == .rejected, reason == nil {
      throw refuse("a rejection needs a reason")
    }
    if request.role != .head, request.advice != nil || adviceReasons != nil {
      throw refuse(
        "only the head records whether the privacy lead's advice was accepted or overruled")
    }
    if request.advice == .overruled, adviceReasons == nil {
      throw refuse("overruling the privacy lead's advice needs the reasons")
    }
    if adviceReasons != nil, request.advice == nil {
      throw refuse(
        "reasons for the advice decision need the advice decision (accepted or overruled)")
    }
    let delegation = request.delegation.map(\.trimmingWhiteSpace).flatMap {
      $0.isEmpty ? nil : $0
    }
    if request.role != .head, delegation != nil {
      throw refuse("a delegation names the head's delegate; only the head's sign-off has one")
    }
    let policy = ApprovalPolicy.Request(
      role: request.role, decision: request.decision, acceptsRisk: request.acceptsRisk,
      reason: reason, conditions: conditions, delegation: delegation)
    do {
      let conclusion = assessment(asOf: file.assessmentDate ?? request.date).conclusion
      try ApprovalPolicy.check(policy, conclusion: conclusion)
    } catch {
      throw SessionError(.refused, error.message)
    }
    file.approvals.append(
      Approval(
        role: request.role, name: name, decision: request.decision, reason: reason,
        conditions: conditions, date: request.date, answersHash: signedAnswersHash,
        advice: request.advice, adviceReasons: adviceReasons, delegation: delegation,
        acceptsRisk: request.acceptsRisk))
    return signOff
  }
}
