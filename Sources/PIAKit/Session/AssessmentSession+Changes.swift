extension AssessmentSession {
  /// Compares an earlier version of this assessment with the current answers,
  /// both scored with the catalogue's rules, with the materiality verdict.
  ///
  /// - Parameters:
  ///   - version: The earlier version (default: the latest in the history).
  ///   - asOf: The current answers' date (default: the file's assessment date).
  /// - Returns: The comparison; `nil` when the file has no history.
  /// - Throws: `SessionError.unknown` when `version` is not in the history.
  public func changes(sinceVersion version: Int? = nil, asOf: CalendarDate? = nil)
    throws(SessionError) -> ChangeSummary?
  {
    let record = file.record
    guard let number = version ?? record.history.last?.version else { return nil }
    guard let entry = record.version(number) else {
      let known = record.history.map { String($0.version) }.joined(separator: ", ")
      throw SessionError(
        .unknown,
        "there is no version \(number) (earlier versions: \(known.isEmpty ? "none" : known); "
          + "the current one is \(record.currentVersion))")
    }
    let newDate = asOf ?? file.assessmentDate ?? entry.date
    return ChangeSummary.scored(
      from: entry.answers, to: file.answers, engine: engine, rules: content.materiality,
      oldDate: entry.assessmentDate, newDate: newDate, fromLabel: "version \(number)",
      toLabel: "version \(record.currentVersion) (current)", fromVersion: number)
  }

  /// Compares `earlier`, another file of the same questionnaire, with this
  /// one, both scored with the catalogue's rules.
  ///
  /// - Parameters:
  ///   - earlier: The earlier assessment.
  ///   - fromLabel: How to name it ("old.pia.yaml").
  ///   - toLabel: How to name this one.
  ///   - fallbackDate: The date to score a file without an assessment date as of.
  /// - Throws: `SessionError.refused` when the two answer different questionnaires.
  public func changes(
    from earlier: AssessmentSession, fromLabel: String, toLabel: String,
    fallbackDate: CalendarDate
  ) throws(SessionError) -> ChangeSummary {
    guard earlier.questionnaire.id == questionnaire.id else {
      throw SessionError(
        .refused,
        "'\(fromLabel)' answers '\(earlier.questionnaire.id)' but '\(toLabel)' answers "
          + "'\(questionnaire.id)'; compare two versions of the same assessment")
    }
    return ChangeSummary.scored(
      from: earlier.file.answers, to: file.answers, engine: engine, rules: content.materiality,
      oldDate: earlier.file.assessmentDate ?? fallbackDate,
      newDate: file.assessmentDate ?? fallbackDate, fromLabel: fromLabel, toLabel: toLabel)
  }
}

extension HistoryEntry {
  /// The date this version speaks as of: its `assessment_date` answer, else
  /// the date it was superseded.
  public var assessmentDate: CalendarDate {
    if case .date(let date)? = answers[AssessmentFile.assessmentDateQuestion] { return date }
    return date
  }
}
