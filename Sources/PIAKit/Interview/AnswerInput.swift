import Foundation

/// Turns what the user typed into an answer for one question, or a specific
/// message saying what is wrong with it.
public enum AnswerInput {
  /// Why a typed answer was not accepted, in words for the user.
  public struct Invalid: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and what to type instead, as a full sentence.
    public var message: String

    /// Makes the error from its message.
    public init(_ message: String) {
      self.message = message
    }

    /// The same text as `message`.
    public var description: String { message }
  }

  /// Parses a non-empty typed answer.
  ///
  /// - Parameters:
  ///   - text: The answer as typed (for long text, the lines joined by `\n`).
  ///   - question: The question it answers.
  /// - Returns: The answer, or why it is not one.
  public static func parse(_ text: String, for question: Question) -> Result<AnswerValue, Invalid> {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    switch question.kind {
    case .text:
      return .success(.text(trimmed))
    case .longText:
      return .success(.text(text))
    case .choice:
      return choice(trimmed, of: question).map(AnswerValue.choice)
    case .multiChoice:
      var ids: [String] = []
      let items = trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
      guard !items.isEmpty else {
        return .failure(Invalid("Type one or more choices separated by commas, e.g. 1,3."))
      }
      for item in items {
        switch choice(item, of: question) {
        case .success(let id): if !ids.contains(id) { ids.append(id) }
        case .failure(let invalid): return .failure(invalid)
        }
      }
      return .success(.choices(question.choices.map(\.id).filter(ids.contains)))
    case .yesNo:
      switch trimmed.lowercased() {
      case "y", "yes": return .success(.bool(true))
      case "n", "no": return .success(.bool(false))
      default:
        return .failure(Invalid("'\(trimmed)' is not yes or no; answer y or n."))
      }
    case .date:
      guard let date = CalendarDate(trimmed) else {
        return .failure(
          Invalid("'\(trimmed)' is not a date; write it as YYYY-MM-DD, for example 2026-03-01."))
      }
      return .success(.date(date))
    case .number:
      guard let value = Double(trimmed), value.isFinite else {
        return .failure(Invalid("'\(trimmed)' is not a number; type digits, for example 30."))
      }
      if let minimum = question.minimum, value < minimum {
        return .failure(
          Invalid(
            "\(AnswerValue.format(value)) is too small; the least is \(AnswerValue.format(minimum))."
          ))
      }
      if let maximum = question.maximum, value > maximum {
        return .failure(
          Invalid(
            "\(AnswerValue.format(value)) is too large; the most is \(AnswerValue.format(maximum))."
          ))
      }
      return .success(.number(value))
    case .group:
      return .failure(Invalid("Answer y or n."))
    }
  }

  private static func choice(_ item: String, of question: Question) -> Result<String, Invalid> {
    let count = question.choices.count
    let range = "type a number from 1 to \(count) or a choice id"
    if let number = Int(item) {
      guard (1...max(1, count)).contains(number), number <= count else {
        return .failure(Invalid("There is no choice \(number); \(range)."))
      }
      return .success(question.choices[number - 1].id)
    }
    let lowered = item.lowercased()
    if let match = question.choices.first(where: { $0.id == lowered }) {
      return .success(match.id)
    }
    if let match = question.choices.first(where: { $0.label.lowercased() == lowered }) {
      return .success(match.id)
    }
    let ids = question.choices.map(\.id)
    return .failure(
      Invalid(
        "'\(item)' is not one of the choices\(Spelling.didYouMean(lowered, among: ids)); \(range).")
    )
  }
}
