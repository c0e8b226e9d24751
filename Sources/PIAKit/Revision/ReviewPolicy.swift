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
