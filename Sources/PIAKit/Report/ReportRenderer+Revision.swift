extension ReportRenderer {
  /// What changed since the file's latest earlier version (its last history
  /// entry), scored with `engine`; `nil` for a file without history.
  func changesSincePreviousVersion(_ file: AssessmentFile, engine: RiskEngine, date: CalendarDate)
    -> ChangeSummary?
  {
    guard let previous = file.history.last else { return nil }
    return ChangeSummary.scored(
      from: previous.answers, to: file.answers, engine: engine, rules: catalog.materiality,
      oldDate: previous.assessmentDate, newDate: date, fromLabel: "version \(previous.version)",
      toLabel: "version \(file.record.currentVersion)", fromVersion: previous.version)
  }
}
