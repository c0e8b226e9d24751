/// Library helpers for versions, used by `pia history`, `pia diff` and the
/// report. Recording versions and approvals is `AssessmentSession`'s work
/// (`revise`, `approve`).
public enum Revision {
  /// The answers of version `number`: a history snapshot, or the current
  /// answers when `number` is the current version.
  public static func answers(
    ofVersion number: Int, record: RevisionRecord, current: [String: AnswerValue]
  ) -> [String: AnswerValue]? {
    if number == record.currentVersion { return current }
    return record.version(number)?.answers
  }
}
