import ArgumentParser
import Foundation
import PIAHost
import PIAKit

extension Approval.Role: ExpressibleByArgument {}
extension Approval.Decision: ExpressibleByArgument {}
extension Approval.Advice: ExpressibleByArgument {}

extension PIACommand {
  struct Approve: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "approve",
      abstract: "Record a sign-off of the current answers.",
      discussion: """
        The approval stores the hash of the answers it approves. When the answers change it \
        applies to an earlier version, and the report shows "Draft" until the head (or a \
        delegate under MFIPPA s. 49(1)) approves the new answers. Roles: head, privacy_lead \
        (or FOI coordinator), program_owner. Decisions: approved, approved_with_conditions, \
        rejected. The head records whether the privacy lead's advice was accepted or overruled. \
        An approval is refused while the conclusion is "Incomplete" or "Do not proceed"; when \
        the only reason is a high or critical residual risk, the head (or delegate, with \
        --delegation) may accept it in writing with --accept-risk --reason TEXT. A compliance \
        blocker or an incomplete assessment can never be accepted.
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

    @Option(help: "Why (required for a rejection, and with --accept-risk).")
    var reason: String?

    @Flag(
      name: .customLong("accept-risk"),
      help: "Head or delegate only: accept a high or critical residual risk in writing.")
    var acceptRisk = false

    @Option(
      help: ArgumentHelp(
        "Head's delegate only: the by-law or written delegation under MFIPPA s. 49(1).",
        valueName: "by-law"))
    var delegation: String?

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
      if let date, CalendarDate(date) == nil {
        throw ValidationError("'--date \(date)' is not a date written YYYY-MM-DD")
      }
      if role != .head, delegation != nil {
        throw ValidationError(
          "'--delegation' names the head's delegation; use it with '--role head'")
      }
    }

    func run() throws {
      let content = try resources.content()
      var (session, store) = try AnswersFiles.open(answers, content: content)
      let when = date.flatMap(CalendarDate.init) ?? HostClock.today()
      let status: SignOffStatus
      do {
        status = try session.approve(
          ApprovalRequest(
            role: role, name: name, decision: decision, reason: reason, conditions: conditions,
            date: when, advice: advice, adviceReasons: adviceReasons, acceptsRisk: acceptRisk,
            delegation: delegation))
      } catch {
        // The conclusion does not allow this sign-off (ApprovalPolicy): a refusal, not a usage error.
        if error.kind == .refused { throw CommandFailure("Not recorded: \(error.message)") }
        // An incomplete request is a usage error, as when an option is missing.
        let message = error.message.prefix(1).uppercased() + error.message.dropFirst()
        throw ValidationError("\(message); '\(answers)' is unchanged")
      }
      do {
        try store.save(session)
      } catch {
        throw CommandFailure(error.description)
      }
      print(
        "Recorded: \(decision.title) by \(name) (\(role.title)) on \(when), for answers "
          + "\(status.currentHash.short) (version \(status.currentVersion)).")
      print("Status: \(status.label)")
    }
  }
}
