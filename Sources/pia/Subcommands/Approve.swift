import ArgumentParser
import Foundation
import PIAKit

extension Approval.Role: ExpressibleByArgument {}
extension Approval.Decision: ExpressibleByArgument {}
extension Approval.Advice: ExpressibleByArgument {}

extension PIACommand {
  struct Approve: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record a sign-off of the current answers.",
      discussion: """
        The approval stores the hash of the answers it approves. When the answers change it \
        applies to an earlier version, and the report shows "Draft" until the head (or a \
        delegate under MFIPPA s. 49(1)) approves the new answers. Roles: head, privacy_lead \
        (or FOI coordinator), program_owner. Decisions: approved, approved_with_conditions, \
        rejected. The head records whether the privacy lead's advice was accepted or overruled.
        """)

    @OptionGroup var resources: ResourceOptions

    @Option(help: ArgumentHelp("The answers file (*.pia.yaml).", valueName: "file"))
    var answers: String

    @Option(help: "Who signs.")
    var role: Approval.Role

    @Option(help: "The name and title of the person signing.")
    var name: String

    @Option(help: "The decision.")
    var decision: Approval.Decision

    @Option(help: "Why (required for a rejection).")
    var reason: String?

    @Option(help: "The conditions (required with approved_with_conditions).")
    var conditions: String?

    @Option(
      help: ArgumentHelp("The date of the decision (default: today).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(help: "Head only: whether the privacy lead's advice was accepted or overruled.")
    var advice: Approval.Advice?

    @Option(
      name: .customLong("advice-reasons"),
      help: "Head only: why the advice was accepted or overruled (required when overruled).")
    var adviceReasons: String?

    func validate() throws {
      if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
        throw ValidationError("'--name' must not be empty")
      }
      if let date, CalendarDate(date) == nil {
        throw ValidationError("'--date \(date)' is not a date written YYYY-MM-DD")
      }
      if decision == .approvedWithConditions, (conditions ?? "").isEmpty {
        throw ValidationError("'--decision approved_with_conditions' needs '--conditions TEXT'")
      }
      if decision == .rejected, (reason ?? "").isEmpty {
        throw ValidationError("'--decision rejected' needs '--reason TEXT'")
      }
      if role != .head, advice != nil || adviceReasons != nil {
        throw ValidationError(
          "Only the head records whether the privacy lead's advice was accepted or overruled")
      }
      if advice == .overruled, (adviceReasons ?? "").isEmpty {
        throw ValidationError("'--advice overruled' needs '--advice-reasons TEXT'")
      }
      if adviceReasons != nil, advice == nil {
        throw ValidationError("'--advice-reasons' needs '--advice accepted|overruled'")
      }
    }

    func run() throws {
      let content = try RevisionContent(resources: resources)
      let document = try content.load(answers)
      let when = date.flatMap(CalendarDate.init) ?? Scorer.today()
      let updated = Revision.approve(
        file: document.file, record: document.record, role: role, name: name,
        decision: decision, reason: reason, conditions: conditions, date: when, advice: advice,
        adviceReasons: adviceReasons, questionnaire: document.questionnaire)
      let store = AnswersStore(
        url: URL(fileURLWithPath: answers, relativeTo: content.workingDirectory),
        displayPath: answers)
      do {
        try store.save(updated, questionnaire: document.questionnaire)
      } catch {
        throw CommandFailure(error.description)
      }
      let (record, _) = RevisionRecord.read(
        from: updated, path: answers, questionnaire: document.questionnaire)
      let status = SignOffStatus(answers: updated.answers, record: record)
      print(
        "Recorded: \(decision.title) by \(name) (\(role.title)) on \(when), for answers "
          + "\(status.currentHash.short) (version \(status.currentVersion)).")
      print("Status: \(status.label)")
    }
  }
}
