/// Whether a revision needs no new work, an addendum, or a new assessment.
public enum MaterialityVerdict: String, Sendable, Hashable, Comparable, CaseIterable {
  /// No addendum or new assessment is needed.
  case none
  /// An addendum to the approved assessment records the change.
  case addendum
  /// The change is material: a new assessment is needed.
  case newAssessment = "new_assessment"

  private var rank: Int {
    switch self {
    case .none: return 0
    case .addendum: return 1
    case .newAssessment: return 2
    }
  }

  /// Orders by weight: `none` < `addendum` < `newAssessment`.
  public static func < (lhs: MaterialityVerdict, rhs: MaterialityVerdict) -> Bool {
    lhs.rank < rhs.rank
  }

  /// The verdict as printed: "No new assessment needed", "Addendum", "New assessment".
  public var title: String {
    switch self {
    case .none: return "No new assessment needed"
    case .addendum: return "Addendum"
    case .newAssessment: return "New assessment"
    }
  }
}

/// One materiality rule from `Questionnaires/materiality/*.yaml`: a trigger
/// over the differences between two versions, and the verdict it calls for.
public struct MaterialityRule: Sendable, Hashable {
  /// What a rule reacts to. A `target` names a question (`plan_tier`) or a
  /// field of a repeating group (`data_flows.pi_category`).
  public enum Trigger: Sendable, Hashable {
    /// The answer was added, removed or changed.
    case changed(String)
    /// The highest choice `risk` selected rose (any answer counts as a rise
    /// from no answer).
    case riskRose(String)
    /// A choice is selected that was not selected before anywhere.
    case addedChoice(String)
    /// The group gained an entry (a new id).
    case addedEntry(String)
    /// The condition was false on the old answers and holds on the new ones.
    case became(Condition)
    /// The overall residual level rose.
    case overallResidualRose
    /// The overall inherent level rose.
    case overallInherentRose
    /// A finding appeared (any, or the findings of one risk rule).
    case findingAppeared(String?)
    /// A vendor fact changed (any, or the one named).
    case vendorFactChanged(String?)

    /// The trigger's key in YAML.
    public var key: String {
      switch self {
      case .changed: return "changed"
      case .riskRose: return "risk_rose"
      case .addedChoice: return "added_choice"
      case .addedEntry: return "added_entry"
      case .became: return "became"
      case .overallResidualRose: return "overall_residual_rose"
      case .overallInherentRose: return "overall_inherent_rose"
      case .findingAppeared: return "finding_appeared"
      case .vendorFactChanged: return "vendor_fact_changed"
      }
    }

    /// Every trigger key, for messages.
    public static let keys = [
      "changed", "risk_rose", "added_choice", "added_entry", "became", "overall_residual_rose",
      "overall_inherent_rose", "finding_appeared", "vendor_fact_changed",
    ]
  }

  /// The rule's id in its file, unique across the materiality files.
  public var id: String
  /// Why the change matters, in words for the privacy lead (`description:`).
  public var description: String
  /// What the rule reacts to (`trigger:`).
  public var trigger: Trigger
  /// `addendum` or `new_assessment`.
  public var verdict: MaterialityVerdict
  /// Where the rule is written, for diagnostics.
  public var location: SourceLocation

  /// Makes a rule.
  public init(
    id: String, description: String, trigger: Trigger, verdict: MaterialityVerdict,
    location: SourceLocation
  ) {
    self.id = id
    self.description = description
    self.trigger = trigger
    self.verdict = verdict
    self.location = location
  }
}

/// A rule that fired, with what made it fire.
public struct MaterialityReason: Sendable, Hashable {
  /// The id of the rule that fired.
  public var rule: String
  /// The rule's description.
  public var description: String
  /// The verdict the rule calls for.
  public var verdict: MaterialityVerdict
  /// What changed, in words ("Plan tier: Team → Enterprise").
  public var detail: String

  /// Makes a reason.
  public init(rule: String, description: String, verdict: MaterialityVerdict, detail: String) {
    self.rule = rule
    self.description = description
    self.verdict = verdict
    self.detail = detail
  }
}

/// The verdict over all rules: the strongest verdict of the rules that fired.
public struct Materiality: Sendable, Hashable {
  /// The strongest verdict among the reasons; `none` when no rule fired.
  public var verdict: MaterialityVerdict
  /// The rules that fired, in rule order.
  public var reasons: [MaterialityReason]

  /// Makes a materiality result.
  public init(verdict: MaterialityVerdict, reasons: [MaterialityReason]) {
    self.verdict = verdict
    self.reasons = reasons
  }
}
