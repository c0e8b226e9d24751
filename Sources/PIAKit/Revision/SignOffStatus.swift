/// Which approvals apply to the current answers, and whether the assessment
/// is approved: what report and DOCX headers show.
///
/// An approval applies only to the answers whose hash it recorded. Once the
/// answers change it is listed as applying to an earlier version, never as
/// current. The assessment is approved only when the latest head approval
/// that matches the current answers approves them (with or without
/// conditions); until then the header says "Draft".
public struct SignOffStatus: Sendable, Hashable {
  /// An approval and whether it applies to the current answers.
  public struct Entry: Sendable, Hashable {
    /// The sign-off as recorded.
    public var approval: Approval
    /// `true` when the approval recorded the hash of the current answers.
    public var isCurrent: Bool
    /// The version the approval applies to, when known.
    public var version: Int?

    /// "Approved by Jane Doe (Head (or delegate)) on 2026-03-05", with
    /// "— applies to an earlier version (2)" when stale.
    public var summary: String {
      var text =
        "\(approval.decision.title) by \(approval.name) (\(approval.role.title)) on \(approval.date)"
      if !isCurrent {
        text += " — applies to an earlier version"
        if let version { text += " (version \(version))" }
      }
      return text
    }
  }

  /// The hash of the current answers.
  public var currentHash: AnswersHash
  /// The number of the current version (1 when the file has no history).
  public var currentVersion: Int
  /// Every approval, in file order.
  public var entries: [Entry]

  /// The status of `record`'s approvals against the current answers.
  ///
  /// - Parameter currentHash: The hash of the signed answers
  ///   (`Questionnaire.signedAnswersHash(_:)`).
  public init(currentHash hash: AnswersHash, record: RevisionRecord) {
    currentHash = hash
    currentVersion = record.currentVersion
    entries = record.approvals.map { approval in
      Entry(
        approval: approval, isCurrent: approval.answersHash == hash,
        version: record.versionNumber(of: approval.answersHash, current: hash))
    }
  }

  /// Approvals that apply to the current answers.
  public var current: [Entry] { entries.filter(\.isCurrent) }
  /// Approvals that apply to earlier answers.
  public var stale: [Entry] { entries.filter { !$0.isCurrent } }

  /// The latest head decision on the current answers.
  public var headDecision: Approval? {
    current.last { $0.approval.role == .head }?.approval
  }

  /// Whether the head (or delegate) approved exactly the current answers.
  public var isApproved: Bool {
    guard let decision = headDecision?.decision else { return false }
    return decision != .rejected
  }

  /// The header label: "Draft", "Approved", "Approved with conditions" or "Rejected".
  public var label: String {
    headDecision?.decision.title ?? "Draft"
  }
}
