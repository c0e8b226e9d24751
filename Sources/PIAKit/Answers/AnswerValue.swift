/// One answer: the value a question received.
///
/// Choice ids are strings, yes/no answers are booleans, multiple choice is a
/// list of choice ids, and a repeating group is a list of entries.
public enum AnswerValue: Sendable, Hashable {
  /// A text or long-text answer, as typed (may span lines).
  case text(String)
  /// A single-choice answer: the choice id (or, with `choices_from`, an entry id).
  case choice(String)
  /// A multiple-choice answer: the selected choice ids; empty when none is selected.
  case choices([String])
  /// A yes/no answer: `true` for yes.
  case bool(Bool)
  /// A number answer.
  case number(Double)
  /// A date answer.
  case date(CalendarDate)
  /// A repeating group's entries, in the order the user gave them.
  case entries([GroupEntry])

  /// The value as it reads in a summary ("yes", "a, b", "2026-03-01").
  public var plainDescription: String {
    switch self {
    case .text(let text): return text
    case .choice(let id): return id
    case .choices(let ids): return ids.joined(separator: ", ")
    case .bool(let value): return value ? "yes" : "no"
    case .number(let value): return Self.format(value)
    case .date(let date): return date.description
    case .entries(let entries): return "\(entries.count) entr\(entries.count == 1 ? "y" : "ies")"
    }
  }

  /// A number without a trailing `.0` when it is whole.
  public static func format(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
  }
}

/// One entry of a repeating group (a data flow, say), with a stable id so that
/// reordering entries is never mistaken for a change.
public struct GroupEntry: Sendable, Hashable {
  /// A stable id assigned when the entry is created (`flow-1`, `flow-2`, …).
  public var id: String
  /// The entry's answers by sub-question id.
  public var values: [String: AnswerValue]

  /// Makes an entry.
  public init(id: String, values: [String: AnswerValue]) {
    self.id = id
    self.values = values
  }
}

/// A calendar date without a time or zone, written `YYYY-MM-DD`.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The year, 1 to 9999.
  public private(set) var year: Int
  /// The month, 1 to 12.
  public private(set) var month: Int
  /// The day of the month, 1 to the month's length.
  public private(set) var day: Int

  /// A date from its parts; `nil` when the date does not exist (2026-02-30) or the year is
  /// outside 1 to 9999.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Self.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD` strictly.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// `YYYY-MM-DD`, zero-padded.
  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  /// Orders by year, then month, then day.
  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// Days since 1970-01-01 (negative before).
  public var daysSinceEpoch: Int {
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The date `days` days later (earlier when negative).
  public func adding(days: Int) -> CalendarDate {
    Self(daysSinceEpoch: daysSinceEpoch + days)
  }

  /// The date a number of days after 1970-01-01.
  public init(daysSinceEpoch: Int) {
    let z = daysSinceEpoch + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    self.month = month
    self.day = day
  }

  /// Days from `self` to `other` (positive when `other` is later).
  public func days(until other: CalendarDate) -> Int {
    other.daysSinceEpoch - daysSinceEpoch
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2:
      let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return leap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}
