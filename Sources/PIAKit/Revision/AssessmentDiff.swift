/// A level before and after a revision.
public struct LevelMovement: Sendable, Hashable {
  /// The level in the older version.
  public var from: RiskLevel
  /// The level in the newer version.
  public var to: RiskLevel

  /// Makes a movement from one level to another.
  public init(from: RiskLevel, to: RiskLevel) {
    self.from = from
    self.to = to
  }

  /// `true` when the newer level is higher.
  public var rose: Bool { to > from }
  /// `true` when the newer level is lower.
  public var fell: Bool { to < from }

  /// `rose`, `fell` or `unchanged`.
  public var direction: String { rose ? "rose" : fell ? "fell" : "unchanged" }
}

/// A finding that appeared, disappeared or moved level between two scores.
public struct FindingChange: Sendable, Hashable {
  /// How a finding moved; raw values are the JSON spelling.
  public enum Kind: String, Sendable, Hashable {
    /// In the newer score only.
    case appeared
    /// In the older score only.
    case disappeared
    /// In both, with a different inherent or residual level.
    case moved
  }

  /// The finding's key (`rule` or `rule@flow`).
  public var key: String
  /// The title of the finding's rule, as the report lists it.
  public var title: String
  /// Appeared, disappeared or moved.
  public var kind: Kind
  /// Absent for a finding that appeared.
  public var inherentFrom: RiskLevel?
  /// The older residual level; absent for a finding that appeared.
  public var residualFrom: RiskLevel?
  /// Absent for a finding that disappeared.
  public var inherentTo: RiskLevel?
  /// The newer residual level; absent for a finding that disappeared.
  public var residualTo: RiskLevel?

  /// Makes a finding change.
  public init(
    key: String, title: String, kind: Kind, inherentFrom: RiskLevel?, residualFrom: RiskLevel?,
    inherentTo: RiskLevel?, residualTo: RiskLevel?
  ) {
    self.key = key
    self.title = title
    self.kind = kind
    self.inherentFrom = inherentFrom
    self.residualFrom = residualFrom
    self.inherentTo = inherentTo
    self.residualTo = residualTo
  }

  /// "medium → high" for the residual level, or the single level.
  public var residualText: String { Self.movement(residualFrom, residualTo) }
  /// "medium → high" for the inherent level, or the single level.
  public var inherentText: String { Self.movement(inherentFrom, inherentTo) }

  static func movement(_ from: RiskLevel?, _ to: RiskLevel?) -> String {
    switch (from, to) {
    case (let from?, let to?): return from == to ? from.description : "\(from) → \(to)"
    case (let from?, nil): return from.description
    case (nil, let to?): return to.description
    case (nil, nil): return "—"
    }
  }
}

/// A vendor fact whose value differs between the two scores.
public struct FactChange: Sendable, Hashable {
  /// The fact's name in the vendor file (`trains_on_content_by_default`).
  public var name: String
  /// The older value; `nil` when the fact was added.
  public var from: AnswerValue?
  /// The newer value; `nil` when the fact was removed.
  public var to: AnswerValue?

  /// Makes a fact change.
  public init(name: String, from: AnswerValue?, to: AnswerValue?) {
    self.name = name
    self.from = from
    self.to = to
  }

  /// Added, removed or changed, from which side has a value.
  public var kind: ChangeKind { from == nil ? .added : to == nil ? .removed : .changed }
}

/// Compares two scored assessments.
public enum AssessmentDiff {
  /// Findings that appeared (in the new order), moved, and disappeared (in
  /// the old order), matched by key.
  public static func findings(_ old: Assessment, _ new: Assessment) -> [FindingChange] {
    var changes: [FindingChange] = []
    // By key, the first of each (a hundred data flows make hundreds of findings).
    let oldByKey = Dictionary(
      old.findings.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    let newKeys = Set(new.findings.map(\.key))
    for finding in new.findings {
      guard let previous = oldByKey[finding.key] else {
        changes.append(
          FindingChange(
            key: finding.key, title: finding.title, kind: .appeared, inherentFrom: nil,
            residualFrom: nil, inherentTo: finding.inherent, residualTo: finding.residual))
        continue
      }
      if previous.inherent != finding.inherent || previous.residual != finding.residual {
        changes.append(
          FindingChange(
            key: finding.key, title: finding.title, kind: .moved,
            inherentFrom: previous.inherent, residualFrom: previous.residual,
            inherentTo: finding.inherent, residualTo: finding.residual))
      }
    }
    for finding in old.findings where !newKeys.contains(finding.key) {
      changes.append(
        FindingChange(
          key: finding.key, title: finding.title, kind: .disappeared,
          inherentFrom: finding.inherent, residualFrom: finding.residual, inherentTo: nil,
          residualTo: nil))
    }
    return changes
  }

  /// Vendor facts added, removed or changed, by name (sorted by code point).
  public static func facts(_ old: [String: AnswerValue], _ new: [String: AnswerValue])
    -> [FactChange]
  {
    Set(old.keys).union(new.keys).sorted(by: CanonicalJSON.codePointOrder).compactMap { name in
      let before = old[name]
      let after = new[name]
      if let before, let after, AnswersDiff.same(before, after) { return nil }
      return FactChange(name: name, from: before, to: after)
    }
  }
}
