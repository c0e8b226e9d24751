/// Where one answer lives: a top-level question, or a question of one entry of
/// a repeating group.
///
/// Written `question_id` at the top level and `group_id.entry_id.question_id`
/// inside an entry (`data_flows.data_flows-3.authority`): the form `pia
/// interview --set` takes and the web interview's routes use.
public struct QuestionPath: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The entry a question belongs to: its group's id and its own stable id.
  public struct Entry: Sendable, Hashable {
    /// The repeating group's question id (`data_flows`).
    public var group: String
    /// The entry's id (`data_flows-3`).
    public var id: String

    /// An entry of `group` with id `id`.
    public init(group: String, id: String) {
      self.group = group
      self.id = id
    }
  }

  /// The entry, for a question inside a repeating group; `nil` at the top level.
  public var entry: Entry?
  /// The question's id (a top-level id, or a field id inside the entry).
  public var question: String

  /// A top-level question.
  public init(_ question: String) {
    self.entry = nil
    self.question = question
  }

  /// A question of one entry of a repeating group.
  public init(group: String, entry: String, question: String) {
    self.entry = Entry(group: group, id: entry)
    self.question = question
  }

  /// Parses `id` or `group.entry.id`; `nil` for any other shape (ids hold no
  /// dots, so the split is unambiguous).
  public init?(parsing text: String) {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard parts.allSatisfy({ !$0.isEmpty }) else { return nil }
    switch parts.count {
    case 1: self.init(parts[0])
    case 3: self.init(group: parts[0], entry: parts[1], question: parts[2])
    default: return nil
    }
  }

  /// `id` or `group.entry.id`.
  public var description: String {
    guard let entry else { return question }
    return "\(entry.group).\(entry.id).\(question)"
  }

  /// Orders by the written form (for stable lists in messages).
  public static func < (lhs: QuestionPath, rhs: QuestionPath) -> Bool {
    lhs.description < rhs.description
  }
}
