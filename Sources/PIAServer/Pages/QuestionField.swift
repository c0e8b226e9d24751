/// One question as a form control: what `partials/field.mustache` renders.
///
/// The control's name is always `value` (repeated for multiple choice), as
/// the route contract says; the first control's id is `value` (text kinds)
/// or `value-CHOICE` (choices), which the error summary links to.
struct QuestionField: Sendable, Hashable {
  /// The form field name: `value`.
  var fieldName: String
  /// The id of the text control, and the id prefix of the options.
  var fieldID: String
  /// The question, shown as the page's `<h1>` inside the label or legend.
  var prompt: String
  /// A short hint under the prompt (format of a date, a number's range).
  var hint: String?
  /// The hint's element id, for `aria-describedby`.
  var hintID: String
  /// Longer help (the questionnaire's `help`), in a `<details>` element.
  var help: String?
  /// The help text split into paragraphs.
  var helpParagraphs: [String]
  /// Printed citations of the provisions the question rests on.
  var citations: [String]
  /// Whether `citations` is non-empty.
  var hasCitations: Bool
  /// The error beside the control, when the last answer was refused.
  var errorMessage: String?
  /// The error message's element id.
  var errorID: String
  /// Space-separated ids for `aria-describedby` (hint, error), or `nil`.
  var describedBy: String?
  /// Whether the question must be answered before the assessment is complete.
  var required: Bool

  /// Exactly one of these is true: which partial renders the control.
  var isYesNo: Bool
  /// Radios: one choice.
  var isChoice: Bool
  /// Checkboxes: several choices.
  var isMultiChoice: Bool
  /// A one-line text input.
  var isText: Bool
  /// A textarea.
  var isLongText: Bool
  /// A text input for `YYYY-MM-DD`.
  var isDate: Bool
  /// A text input for a number (`inputmode="decimal"`).
  var isNumber: Bool

  /// The options of a yes/no, choice or multiple-choice question.
  var options: [FieldOption]
  /// The value shown in a text, long text, date or number control: the
  /// user's input after an error, else the saved answer.
  var textValue: String
}

/// One radio button or checkbox.
struct FieldOption: Sendable, Hashable {
  /// The input's id: `value-` and the choice id (`value-yes`).
  var optionID: String
  /// The value sent: the choice id, or `yes` / `no`.
  var optionValue: String
  /// The label.
  var optionLabel: String
  /// The choice's help, shown under its label.
  var optionHint: String?
  /// The hint's element id.
  var optionHintID: String
  /// Whether the option is selected.
  var optionChecked: Bool
}
