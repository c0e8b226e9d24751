import Foundation
import PIAKit

/// Turns a question of the questionnaire, with its saved answer or the
/// user's refused input, into the `QuestionField` a page renders.
///
/// Presentation only: which questions apply, what is valid, what comes next
/// and which choices a question offers are the session's; this only lays out
/// what it is given.
struct QuestionFieldBuilder: Sendable {
  /// Prints a law catalogue id as a citation ("MFIPPA s. 28(2)").
  let cite: @Sendable (String) -> String

  /// The field for `question`.
  ///
  /// - Parameters:
  ///   - question: The question.
  ///   - choices: The choices it offers now (`AssessmentSession.options(for:)`);
  ///     by default its own (pattern pages, yes/no and text kinds).
  ///   - value: The saved answer, shown when there is no `input`.
  ///   - input: What the user sent (`value` fields) when it was refused, kept
  ///     so they need not type it again.
  ///   - error: Why it was refused.
  func field(
    for question: Question, choices: [Choice]? = nil, value: AnswerValue?,
    input: [String]? = nil, error: String? = nil
  ) -> QuestionField {
    let choices = choices ?? question.choices
    let fieldID = "value"
    let hintID = "\(fieldID)-hint"
    let errorID = "\(fieldID)-error"
    let hint = Self.hint(for: question)
    var describedBy: [String] = []
    if hint != nil { describedBy.append(hintID) }
    if error != nil { describedBy.append(errorID) }
    let helpParagraphs = (question.help ?? "").split(separator: "\n\n").map {
      $0.split(separator: "\n").joined(separator: " ")
    }.filter { !$0.isEmpty }
    let citations = question.cites.map(cite)
    return QuestionField(
      fieldName: "value", fieldID: fieldID, prompt: question.prompt, hint: hint, hintID: hintID,
      help: helpParagraphs.isEmpty ? nil : question.help, helpParagraphs: helpParagraphs,
      citations: citations, hasCitations: !citations.isEmpty, errorMessage: error,
      errorID: errorID, describedBy: describedBy.isEmpty ? nil : describedBy.joined(separator: " "),
      required: question.required, isYesNo: question.kind == .yesNo,
      isChoice: question.kind == .choice, isMultiChoice: question.kind == .multiChoice,
      isText: question.kind == .text, isLongText: question.kind == .longText,
      isDate: question.kind == .date, isNumber: question.kind == .number,
      options: options(
        for: question, choices: choices, value: value, input: input, fieldID: fieldID),
      textValue: input?.first ?? Self.text(of: value))
  }

  /// The id the error summary links to for `question`: the text control, or
  /// the first option (of `choices`, the choices it offers now).
  func errorTarget(for question: Question, choices: [Choice]? = nil) -> String {
    switch question.kind {
    case .yesNo: return "#value-yes"
    case .choice, .multiChoice: return "#value-" + ((choices ?? question.choices).first?.id ?? "")
    default: return "#value"
    }
  }

  private func options(
    for question: Question, choices: [Choice], value: AnswerValue?, input: [String]?,
    fieldID: String
  ) -> [FieldOption] {
    func option(_ id: String, _ label: String, _ hint: String?, _ checked: Bool) -> FieldOption {
      let optionID = "\(fieldID)-\(id)"
      return FieldOption(
        optionID: optionID, optionValue: id, optionLabel: label, optionHint: hint,
        optionHintID: "\(optionID)-hint", optionChecked: checked)
    }
    switch question.kind {
    case .yesNo:
      let selected: String? =
        input?.first
        ?? { if case .bool(let flag)? = value { return flag ? "yes" : "no" } else { return nil } }()
      return [
        option("yes", "Yes", nil, selected == "yes"), option("no", "No", nil, selected == "no"),
      ]
    case .choice, .multiChoice:
      let selected: Set<String>
      if let input {
        selected = Set(input)
      } else {
        switch value {
        case .choice(let id)?: selected = [id]
        case .choices(let ids)?: selected = Set(ids)
        default: selected = []
        }
      }
      return choices.map { option($0.id, $0.label, $0.help, selected.contains($0.id)) }
    default:
      return []
    }
  }

  /// The hint under the prompt for kinds whose format needs saying.
  static func hint(for question: Question) -> String? {
    switch question.kind {
    case .date: return "Write the date as YYYY-MM-DD, for example 2026-03-31."
    case .multiChoice: return "Select all that apply."
    case .number:
      switch (question.minimum, question.maximum) {
      case (let low?, let high?):
        return "A number from \(AnswerValue.format(low)) to \(AnswerValue.format(high))."
      case (let low?, nil): return "A number, \(AnswerValue.format(low)) or more."
      case (nil, let high?): return "A number, \(AnswerValue.format(high)) or less."
      case (nil, nil): return nil
      }
    default: return nil
    }
  }

  /// A saved answer as it is edited in a text control.
  static func text(of value: AnswerValue?) -> String {
    switch value {
    case .text(let text)?: return text
    case .date(let date)?: return date.description
    case .number(let number)?: return AnswerValue.format(number)
    default: return ""
    }
  }

  /// A saved answer as it reads on the check-answers page: choice labels
  /// (from `choices`, the choices the question offers now; by default its
  /// own), "Yes"/"No", each line of a long text.
  static func display(_ value: AnswerValue, of question: Question, choices: [Choice]? = nil)
    -> [String]
  {
    let choices = choices ?? question.choices
    func label(_ id: String) -> String { choices.first { $0.id == id }?.label ?? id }
    switch value {
    case .bool(let flag): return [flag ? "Yes" : "No"]
    case .choice(let id): return [label(id)]
    case .choices(let ids): return ids.isEmpty ? ["None"] : ids.map(label)
    case .text(let text):
      return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    case .date(let date): return [date.description]
    case .number(let number): return [AnswerValue.format(number)]
    case .entries(let entries):
      let noun = question.itemName ?? "entry"
      return ["\(entries.count) \(entries.count == 1 ? noun : noun + "s")"]
    }
  }
}

extension QuestionFieldBuilder {
  /// What the user sent, as it reads beside the saved answer on the conflict
  /// page: choice labels, "Yes"/"No", the lines of a text.
  static func display(input: [String], of question: Question, choices: [Choice]) -> [String] {
    let values = input.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    guard !values.isEmpty else { return ["No answer"] }
    switch question.kind {
    case .yesNo:
      return values.map { $0 == "yes" ? "Yes" : $0 == "no" ? "No" : $0 }
    case .choice, .multiChoice:
      return values.map { id in choices.first { $0.id == id }?.label ?? id }
    default:
      return values.joined().split(separator: "\n", omittingEmptySubsequences: false).map(
        String.init)
    }
  }
}
