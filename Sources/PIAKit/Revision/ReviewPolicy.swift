/// When an assessment is next reviewed, from its overall residual level.
///
/// | residual | review within |
/// |---|---|
/// | critical | 3 months |
/// | high | 6 months |
/// | medium | 12 months |
/// | low | 12 months |
///
/// No level waits more than a year: the shipped questionnaires ask for a
/// review "at least yearly, and before any change of plan, any new feature
/// or any new kind of information". A material change (see the materiality
/// rules) calls for a review before the change, whatever the date.
public enum ReviewPolicy {
  /// Months until the next review for each residual level.
  public static func months(for level: RiskLevel) -> Int {
    switch level {
    case .critical: return 3
    case .high: return 6
    case .medium: return 12
    case .low: return 12
    }
  }

  /// The next review date: `months(for:)` after `date`, on the same day of
  /// the month or the month's last day when it is shorter.
  public static func nextReview(after date: CalendarDate, residual: RiskLevel) -> CalendarDate {
    date.adding(months: months(for: residual))
  }
}

extension ReviewPolicy {
  /// The next review date of an assessment, and where it comes from.
  public struct NextReview: Sendable, Hashable {
    /// The date.
    public var date: CalendarDate
    /// True when no date was answered and the policy set it.
    public var fromPolicy: Bool
    /// The overall residual level the policy counted from.
    public var residual: RiskLevel

    /// "2027-03-05", or "2026-09-05 (set from the review policy for a high
    /// overall risk)" when the policy set it.
    public var text: String {
      fromPolicy
        ? "\(date) (set from the review policy for a \(residual.title.lowercased()) overall risk)"
        : date.description
    }
  }

  /// The one next review date every document and `pia diff` print: the
  /// answered `next_review_date` when given, else ``nextReview(after:residual:)``
  /// from the assessment date.
  ///
  /// - Parameters:
  ///   - answers: The assessment's answers.
  ///   - assessedOn: The assessment date (`assessment_date`, else the date the
  ///     caller gives).
  ///   - residual: The overall residual level.
  public static func nextReview(
    answers: [String: AnswerValue], assessedOn: CalendarDate, residual: RiskLevel
  ) -> NextReview {
    if case .date(let answered)? = answers["next_review_date"] {
      return NextReview(date: answered, fromPolicy: false, residual: residual)
    }
    var from = assessedOn
    if case .date(let assessed)? = answers["assessment_date"] { from = assessed }
    return NextReview(
      date: nextReview(after: from, residual: residual), fromPolicy: true, residual: residual)
  }
}

extension CalendarDate {
  /// The same day `months` months later (the month's last day when shorter).
  public func adding(months: Int) -> CalendarDate {
    let index = year * 12 + (month - 1) + months
    let newYear = index / 12
    let newMonth = index % 12 + 1
    for candidate in stride(from: day, through: min(day, 28), by: -1) {
      if let date = CalendarDate(year: newYear, month: newMonth, day: candidate) { return date }
    }
    // Every month has a 28th; years outside 1...9999 keep the original date.
    return CalendarDate(year: newYear, month: newMonth, day: 28) ?? self
  }
}
