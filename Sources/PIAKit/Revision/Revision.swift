import Foundation

/// Library entry points for versions and approvals, used by `pia interview
/// --revise`, `pia approve`, `pia history` and `pia diff`.
public enum Revision {
  /// Whether starting a revision of `file` should record a new version: the
  /// head (or delegate) approved the current answers, and no history entry
  /// already holds them.
  public static func needsNewVersion(_ record: RevisionRecord, answers: [String: AnswerValue])
    -> Bool
  {
    let status = SignOffStatus(answers: answers, record: record)
    let hash = AnswersHash(answers)
    return status.isApproved && record.history.last?.answersHash != hash
  }

  /// Records the current answers as a closed version before they are revised.
  ///
  /// Appends a history entry numbered with the current version: the date and
  /// reason of this revision, the answers' hash and snapshot, and the overall
  /// residual level of `assessment` (the current answers scored). The answers
  /// themselves are unchanged: the interview then edits them as the new
  /// version. When the last history entry already holds these answers (a
  /// revision started twice without changes), the file is returned as is.
  ///
  /// - Parameters:
  ///   - file: The answers file.
  ///   - record: Its history and approvals (`RevisionRecord.read`).
  ///   - questionnaire: Orders the snapshot's keys.
  ///   - reason: Why the assessment is revised.
  ///   - date: The date the revision starts.
  ///   - assessment: The current answers scored, for the residual level.
  /// - Returns: The file with its `history:` section updated.
  public static func startRevision(
    file: AssessmentFile, record: RevisionRecord, questionnaire: Questionnaire?, reason: String,
    date: CalendarDate, assessment: Assessment?
  ) -> AssessmentFile {
    let hash = AnswersHash(file.answers)
    guard record.history.last?.answersHash != hash else { return file }
    var updated = record
    updated.history.append(
      HistoryEntry(
        version: record.currentVersion, date: date, reason: reason, answersHash: hash,
        overallResidual: assessment?.overallResidual, answers: file.answers))
    var result = file
    updated.write(into: &result, questionnaire: questionnaire)
    return result
  }

  /// `startRevision(file:record:…)` with the record read from the file's
  /// preserved sections (history snapshots are kept as written).
  public static func startRevision(
    file: AssessmentFile, reason: String, date: CalendarDate, assessment: Assessment?,
    questionnaire: Questionnaire? = nil
  ) -> AssessmentFile {
    let (record, _) = RevisionRecord.read(from: file, questionnaire: questionnaire)
    return startRevision(
      file: file, record: record, questionnaire: questionnaire, reason: reason, date: date,
      assessment: assessment)
  }

  /// Whether `pia interview --revise` should ask for a reason and record a
  /// version before editing `file` (see `needsNewVersion`).
  public static func needsNewVersion(_ file: AssessmentFile) -> Bool {
    let (record, _) = RevisionRecord.read(from: file, questionnaire: nil)
    return needsNewVersion(record, answers: file.answers)
  }

  /// Records a sign-off of the current answers.
  ///
  /// - Returns: The file with its `approvals:` section updated.
  public static func approve(
    file: AssessmentFile, record: RevisionRecord, role: Approval.Role, name: String,
    decision: Approval.Decision, reason: String? = nil, conditions: String? = nil,
    date: CalendarDate, advice: Approval.Advice? = nil, adviceReasons: String? = nil,
    questionnaire: Questionnaire?
  ) -> AssessmentFile {
    var updated = record
    updated.approvals.append(
      Approval(
        role: role, name: name, decision: decision, reason: reason, conditions: conditions,
        date: date, answersHash: AnswersHash(file.answers), advice: advice,
        adviceReasons: adviceReasons))
    var result = file
    updated.write(into: &result, questionnaire: questionnaire)
    return result
  }

  /// The answers of version `number`: a history snapshot, or the current
  /// answers when `number` is the current version.
  public static func answers(
    ofVersion number: Int, record: RevisionRecord, current: [String: AnswerValue]
  ) -> [String: AnswerValue]? {
    if number == record.currentVersion { return current }
    return record.version(number)?.answers
  }
}

extension Revision {
  /// Asks for the reason for revision before `pia interview --revise` edits
  /// approved answers.
  ///
  /// - Returns: The reason, or `nil` when input ended, the user asked to stop,
  ///   or `maximumAttempts` empty answers were given.
  public static func askReason(
    console: inout some Console, version: Int, maximumAttempts: Int = 3
  ) -> String? {
    console.write(
      "Version \(version) of these answers was approved. Revising them starts version "
        + "\(version + 1); version \(version) is kept in the file's history.\n")
    for _ in 0..<maximumAttempts {
      guard let line = console.readLine(prompt: "Reason for revision: "),
        !console.interruptRequested
      else { return nil }
      let reason = line.trimmingCharacters(in: .whitespacesAndNewlines)
      if !reason.isEmpty { return reason }
      console.write("Please give a reason (for example \"scope widened to the records system\").\n")
    }
    return nil
  }

  /// Scores `file` (when `engine` is given), asks for a reason if needed and
  /// records the version: what `pia interview --revise` does before the first
  /// question.
  ///
  /// - Returns: The file to interview (unchanged when no version was needed),
  ///   or `nil` when no reason was given.
  public static func prepareRevision(
    file: AssessmentFile, questionnaire: Questionnaire, engine: RiskEngine?, date: CalendarDate,
    reason: String?, console: inout some Console
  ) -> AssessmentFile? {
    guard needsNewVersion(file) else { return file }
    let record = RevisionRecord.read(from: file, questionnaire: questionnaire).0
    guard
      let reason = reason
        ?? askReason(console: &console, version: record.currentVersion)
    else { return nil }
    let assessment = engine?.assess(
      answers: file.answers,
      asOf: RevisionDocument.scoringDate(file.answers, fallback: date))
    return startRevision(
      file: file, record: record, questionnaire: questionnaire, reason: reason, date: date,
      assessment: assessment)
  }
}
