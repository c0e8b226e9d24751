/// Whether a revision needs no new work, an addendum, or a new assessment.
public enum MaterialityVerdict: String, Sendable, Hashable, Comparable, CaseIterable {
  case none
  case addendum
  case newAssessment = "new_assessment"

  private var rank: Int {
    switch self {
    case .none: return 0
    case .addendum: return 1
    case .newAssessment: return 2
    }
  }

  public static func < (lhs: MaterialityVerdict, rhs: MaterialityVerdict) -> Bool {
    lhs.rank < rhs.rank
  }

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

  public var id: String
  public var description: String
  public var trigger: Trigger
  /// `addendum` or `new_assessment`.
  public var verdict: MaterialityVerdict
  public var location: SourceLocation

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
  public var rule: String
  public var description: String
  public var verdict: MaterialityVerdict
  /// What changed, in words ("Plan tier: Team → Enterprise").
  public var detail: String

  public init(rule: String, description: String, verdict: MaterialityVerdict, detail: String) {
    self.rule = rule
    self.description = description
    self.verdict = verdict
    self.detail = detail
  }
}

/// The verdict over all rules: the strongest verdict of the rules that fired.
public struct Materiality: Sendable, Hashable {
  public var verdict: MaterialityVerdict
  public var reasons: [MaterialityReason]

  public init(verdict: MaterialityVerdict, reasons: [MaterialityReason]) {
    self.verdict = verdict
    self.reasons = reasons
  }
}
