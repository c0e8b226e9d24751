import Testing

@testable import PIAKit

/// `AnswerChange.lines`: the one walk over an answer's change that the report and the web
/// server's diff page word their own ways.
@Suite struct AnswerChangeLinesTests {
  @Test func plainAnswersGiveOneLine() {
    let added = AnswerChange(
      questionID: "a", prompt: "A?", kind: .added, from: nil, to: .bool(true), fromText: nil,
      toText: "Yes")
    #expect(added.lines == [.answered("Yes")])
    let removed = AnswerChange(
      questionID: "a", prompt: "A?", kind: .removed, from: .bool(true), to: nil,
      fromText: "Yes", toText: nil)
    #expect(removed.lines == [.unanswered(was: "Yes")])
    let changed = AnswerChange(
      questionID: "a", prompt: "A?", kind: .changed, from: .bool(true), to: .bool(false),
      fromText: "Yes", toText: "No")
    #expect(changed.lines == [.changed(from: "Yes", to: "No")])
  }

  /// A group whose entries changed is told by its entries alone, in order.
  @Test func groupsAreToldByTheirEntries() {
    let field = FieldChange(
      fieldID: "retention", prompt: "How long?", kind: .changed, from: .text("1 year"),
      to: nil, fromText: "1 year", toText: nil)
    let change = AnswerChange(
      questionID: "data_flows", prompt: "Data flows", kind: .changed, from: nil, to: nil,
      fromText: "2 entries", toText: "2 entries",
      entries: [
        EntryChange(entryID: "data_flows-1", label: "data flow 1", kind: .changed, fields: [field]),
        EntryChange(entryID: "data_flows-2", label: "data flow 2", kind: .removed, fields: []),
        EntryChange(entryID: "data_flows-3", label: "data flow 3", kind: .added, fields: []),
      ])
    #expect(
      change.lines == [
        .field(entry: "data flow 1", prompt: "How long?", from: "1 year", to: nil),
        .entry(label: "data flow 2", added: false),
        .entry(label: "data flow 3", added: true),
      ])
  }
}
