import PIAKit

/// Where the pages of one assessment lead: the address of each question,
/// repeating group and entry, and which page comes after or before a
/// question. What applies and in which order is the session's; this only
/// turns it into addresses.
///
/// The web interview walks the top-level questions in order (a repeating
/// group is one page, its list); inside an entry it walks the entry's
/// questions that apply, then returns to the list; after the last question
/// comes "check your answers".
struct InterviewFlow: Sendable {
  /// The assessment's `{name}`.
  let name: String
  /// The session the addresses are computed from.
  let session: AssessmentSession

  /// `/a/{name}/`.
  var overviewHref: String { "/a/\(name)/" }
  /// `/a/{name}/review`.
  var reviewHref: String { "/a/\(name)/review" }
  /// `/a/{name}/history`.
  var historyHref: String { "/a/\(name)/history" }

  /// `/a/{name}/g/{group}/`: a repeating group's list.
  func groupHref(_ group: String) -> String { "/a/\(name)/g/\(group)/" }

  /// The page of the question at `path` in assessment `name`:
  /// `/a/{name}/q/{question}`, or `/a/{name}/g/{group}/{entry}/q/{question}`
  /// inside a repeating group's entry.
  static func href(name: String, path: QuestionPath) -> String {
    guard let entry = path.entry else { return "/a/\(name)/q/\(path.question)" }
    return "/a/\(name)/g/\(entry.group)/\(entry.id)/q/\(path.question)"
  }

  /// The page that asks `path`: its question page, or the list for a
  /// top-level repeating group.
  func page(for path: QuestionPath) -> String {
    if path.entry == nil, session.questionnaire.question(path.question)?.kind == .group {
      return groupHref(path.question)
    }
    return Self.href(name: name, path: path)
  }

  /// Where "Save and continue" and "Skip" lead from `path`: the entry's next
  /// question that applies (else the group's list), or the next top-level
  /// question that applies (else check your answers).
  func next(after path: QuestionPath) -> String {
    guard let entry = path.entry else { return next(afterTopLevel: path.question) }
    let fields = session.questionnaire.question(entry.group)?.fields.map(\.id) ?? []
    let current = fields.firstIndex(of: path.question) ?? fields.count
    let following = session.applicableFields(of: entry.id, in: entry.group).first {
      (fields.firstIndex(of: $0.id) ?? -1) > current
    }
    guard let following else { return groupHref(entry.group) }
    return Self.href(
      name: name, path: QuestionPath(group: entry.group, entry: entry.id, question: following.id))
  }

  /// The page after the top-level question `id` (a group's "Continue" too).
  func next(afterTopLevel id: String) -> String {
    guard let next = session.nextQuestion(after: QuestionPath(id), walk: .every) else {
      return reviewHref
    }
    return page(for: next)
  }

  /// The first page of an entry: its first question that applies.
  func start(ofEntry entry: String, in group: String) -> String {
    guard let first = session.applicableFields(of: entry, in: group).first else {
      return groupHref(group)
    }
    return Self.href(name: name, path: QuestionPath(group: group, entry: entry, question: first.id))
  }

  /// The back link from `path`: the entry's previous question (else the
  /// group's list), or the previous top-level question (else the overview).
  func back(from path: QuestionPath) -> Link {
    guard let entry = path.entry else { return back(fromTopLevel: path.question) }
    let fields = session.questionnaire.question(entry.group)?.fields.map(\.id) ?? []
    let current = fields.firstIndex(of: path.question) ?? fields.count
    let previous = session.applicableFields(of: entry.id, in: entry.group).last {
      (fields.firstIndex(of: $0.id) ?? fields.count) < current
    }
    guard let previous else { return Link(href: groupHref(entry.group), text: "Back") }
    return Link(
      href: Self.href(
        name: name, path: QuestionPath(group: entry.group, entry: entry.id, question: previous.id)),
      text: "Back")
  }

  /// The back link from the top-level question (or group list) `id`.
  func back(fromTopLevel id: String) -> Link {
    guard let previous = session.previousQuestion(before: QuestionPath(id), walk: .every) else {
      return Link(href: overviewHref, text: "Back")
    }
    return Link(href: page(for: previous), text: "Back")
  }

  /// "Question 4 of 31" for a top-level question, "Question 2 of 9 in this
  /// data flow" inside an entry; `nil` when the question does not apply.
  func position(of path: QuestionPath) -> String? {
    guard let entry = path.entry else {
      let order = session.questionOrder(walk: .every)
      guard let index = order.firstIndex(of: path) else { return nil }
      return "Question \(index + 1) of \(order.count)"
    }
    let fields = session.applicableFields(of: entry.id, in: entry.group)
    guard let index = fields.firstIndex(where: { $0.id == path.question }) else { return nil }
    let noun = session.questionnaire.question(entry.group)?.itemName ?? "entry"
    return "Question \(index + 1) of \(fields.count) in this \(noun)"
  }

  /// The caption above a question: its section's title, or the entry it
  /// belongs to ("Data flow 2: Staff prompts").
  func caption(of path: QuestionPath) -> String? {
    guard let entry = path.entry else {
      return session.questionnaire.section(containing: path.question)?.title
    }
    guard let group = session.questionnaire.question(entry.group) else { return nil }
    let entries = session.entries(of: entry.group)
    guard let index = entries.firstIndex(where: { $0.id == entry.id }) else { return nil }
    return
      "\(Self.itemTitle(group)) \(index + 1): \(session.summary(of: entries[index], in: group))"
  }

  /// A group's noun with a capital: "Data flow".
  static func itemTitle(_ group: Question) -> String {
    let noun = group.itemName ?? "entry"
    return noun.prefix(1).uppercased() + noun.dropFirst()
  }
}
