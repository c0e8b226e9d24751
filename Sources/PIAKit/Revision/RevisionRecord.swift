/// One earlier version of an assessment, kept in the answers file's
/// `history:` section when a revision starts.
///
/// Entry N holds version N as it stood when it was superseded: its answers,
/// their hash, its overall residual level, and the date and reason of the
/// revision that replaced it. The current version is the last entry's number
/// plus one (1 when there is no history).
public struct HistoryEntry: Sendable, Hashable {
  /// The version number this entry holds, 1 for the first.
  public var version: Int
  /// The date the revision that superseded this version started.
  public var date: CalendarDate
  /// Why the assessment was revised.
  public var reason: String
  /// Who started the revision that superseded this version (and so made
  /// the next one): the `--by` name, the login name, or the signed-in user.
  public var by: String?
  /// The hash of this version's answers.
  public var answersHash: AnswersHash
  /// The overall residual level of this version, when it was scored.
  public var overallResidual: RiskLevel?
  /// The answers of this version.
  public var answers: [String: AnswerValue]

  /// A history entry.
  ///
  /// - Parameters:
  ///   - version: The version number (1 for the first).
  ///   - date: The date the superseding revision started.
  ///   - reason: Why the assessment was revised.
  ///   - by: Who started that revision.
  ///   - answersHash: The hash of `answers`.
  ///   - overallResidual: The overall residual level of this version.
  ///   - answers: The answers of this version.
  public init(
    version: Int, date: CalendarDate, reason: String, by: String? = nil,
    answersHash: AnswersHash, overallResidual: RiskLevel?, answers: [String: AnswerValue]
  ) {
    self.version = version
    self.date = date
    self.reason = reason
    self.by = by
    self.answersHash = answersHash
    self.overallResidual = overallResidual
    self.answers = answers
  }
}

/// A sign-off recorded with `pia approve`.
public struct Approval: Sendable, Hashable {
  /// Who signs.
  public enum Role: String, Sendable, Hashable, CaseIterable {
    /// The head, or an officer with a written delegation under MFIPPA s. 49(1).
    case head
    /// The privacy lead or FOI coordinator.
    case privacyLead = "privacy_lead"
    /// The manager of the program or system assessed; shown, but does not make the assessment
    /// approved.
    case programOwner = "program_owner"

    /// As printed in reports.
    public var title: String {
      switch self {
      case .head: return "Head (or delegate)"
      case .privacyLead: return "Privacy lead"
      case .programOwner: return "Program owner"
      }
    }
  }

  /// What the signer decided; raw values are the YAML spelling.
  public enum Decision: String, Sendable, Hashable, CaseIterable {
    /// Approved as it stands.
    case approved
    /// Approved on the conditions in `conditions`.
    case approvedWithConditions = "approved_with_conditions"
    /// Not approved; `reason` says why.
    case rejected

    /// As printed in reports: "Approved", "Approved with conditions", "Rejected".
    public var title: String {
      switch self {
      case .approved: return "Approved"
      case .approvedWithConditions: return "Approved with conditions"
      case .rejected: return "Rejected"
      }
    }
  }

  /// The head's response to the privacy lead's advice.
  public enum Advice: String, Sendable, Hashable, CaseIterable {
    /// The head followed the privacy lead's advice.
    case accepted
    /// The head decided against the privacy lead's advice (`adviceReasons` says why).
    case overruled
  }

  /// The role the signer signs in.
  public var role: Role
  /// The signer's name as recorded.
  public var name: String
  /// Approved, approved with conditions, or rejected.
  public var decision: Decision
  /// The written reasons; required for a rejection and for accepting a residual risk.
  public var reason: String?
  /// The conditions of an approval with conditions; `nil` when none.
  public var conditions: String?
  /// The date of the sign-off, in the assessment's calendar.
  public var date: CalendarDate
  /// The hash of the answers this approval applies to.
  public var answersHash: AnswersHash
  /// Head only: whether the privacy lead's advice was accepted or overruled.
  public var advice: Advice?
  /// Head only: why the advice was accepted or overruled.
  public var adviceReasons: String?
  /// The hash the sign-off recorded when its answers were in the format-1
  /// layout; `answersHash` is the hash of the same answers in format 2.
  public var answersHashFormat1: AnswersHash?
  /// Head only: the by-law or written delegation when the signer is the
  /// head's delegate under MFIPPA s. 49(1); `nil` when the head signs.
  public var delegation: String?
  /// Head only: the approval accepts a high or critical residual risk in
  /// writing (`reason` holds the reasons); see `ApprovalPolicy`.
  public var acceptsRisk: Bool

  /// Makes an approval; head-only fields default to `nil` and `acceptsRisk` to `false`.
  public init(
    role: Role, name: String, decision: Decision, reason: String? = nil,
    conditions: String? = nil, date: CalendarDate, answersHash: AnswersHash,
    advice: Advice? = nil, adviceReasons: String? = nil, delegation: String? = nil,
    acceptsRisk: Bool = false
  ) {
    self.role = role
    self.name = name
    self.decision = decision
    self.reason = reason
    self.conditions = conditions
    self.date = date
    self.answersHash = answersHash
    self.advice = advice
    self.adviceReasons = adviceReasons
    self.delegation = delegation
    self.acceptsRisk = acceptsRisk
  }
}

/// The `history:` and `approvals:` sections of an answers file, typed.
public struct RevisionRecord: Sendable, Hashable {
  /// Earlier versions, oldest first.
  public var history: [HistoryEntry]
  /// Every approval ever recorded, in the order given.
  public var approvals: [Approval]

  /// Makes a record; both lists default to empty (a file never revised or signed).
  public init(history: [HistoryEntry] = [], approvals: [Approval] = []) {
    self.history = history
    self.approvals = approvals
  }

  /// The number of the current version.
  public var currentVersion: Int { (history.map(\.version).max() ?? 0) + 1 }

  /// The history entry for version `number`.
  public func version(_ number: Int) -> HistoryEntry? {
    history.first { $0.version == number }
  }

  /// The version whose answers had this hash: the current one when it matches
  /// `current`, otherwise the latest history entry with it.
  public func versionNumber(of hash: AnswersHash, current: AnswersHash) -> Int? {
    if hash == current { return currentVersion }
    return history.last { $0.answersHash == hash }?.version
  }
}
