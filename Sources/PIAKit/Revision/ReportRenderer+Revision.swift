extension ReportRenderer {
  /// What changed since the file's latest earlier version (its last history
  /// entry), scored with `engine`; `nil` for a file without history.
  func changesSincePreviousVersion(_ file: AssessmentFile, engine: RiskEngine, date: CalendarDate)
    -> ChangeSummary?
  {
    let (record, _) = RevisionRecord.read(from: file, questionnaire: engine.questionnaire)
    guard let previous = record.history.last else { return nil }
    let (rules, _, _) = MaterialityRules.load(
      resources: catalog.resources, questionnaires: catalog.questionnaires)
    return ChangeSummary.scored(
      from: previous.answers, to: file.answers, engine: engine, rules: rules,
      oldDate: RevisionDocument.scoringDate(previous.answers, fallback: previous.date),
      newDate: date, fromLabel: "version \(previous.version)",
      toLabel: "version \(record.currentVersion)", fromVersion: previous.version)
  }
}
