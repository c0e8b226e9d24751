/// A JSON value whose objects keep their keys in the order written, so
/// `pia score --format json` prints keys in the documented order.
public indirect enum JSONValue: Sendable, Hashable {
  case string(String)
  case number(Int)
  case bool(Bool)
  case null
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.rendered() == rhs.rendered()
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

  /// The value as JSON text, indented by two spaces per level.
  public func rendered(indent: Int = 0) -> String {
    let pad = String(repeating: "  ", count: indent + 1)
    let closing = String(repeating: "  ", count: indent)
    switch self {
    case .string(let text): return Self.quote(text)
    case .number(let number): return String(number)
    case .bool(let flag): return flag ? "true" : "false"
    case .null: return "null"
    case .array(let items):
      if items.isEmpty { return "[]" }
      return "[\n" + items.map { pad + $0.rendered(indent: indent + 1) }.joined(separator: ",\n")
        + "\n\(closing)]"
    case .object(let entries):
      if entries.isEmpty { return "{}" }
      return "{\n"
        + entries.map { pad + Self.quote($0.0) + ": " + $0.1.rendered(indent: indent + 1) }
        .joined(separator: ",\n") + "\n\(closing)}"
    }
  }

  static func quote(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}

extension Assessment {
  /// The documented JSON shape (see `docs/risk-method.md`).
  public func json(law: LawCatalogue, source: String? = nil) -> JSONValue {
    var top: [(String, JSONValue)] = []
    if let source { top.append(("file", .string(source))) }
    top += [
      ("questionnaire", .object([("id", .string(questionnaireID)), ("version", .number(questionnaireVersion))])),
      ("as_of", .string(asOf.description)),
      (
        "screening",
        .object([
          ("outcome", .string(screening.outcome.rawValue)),
          ("reasons", .array(screening.reasons.map(JSONValue.string))),
        ])
      ),
      (
        "overall",
        .object([
          ("inherent", .string(overallInherent.description)),
          ("residual", .string(overallResidual.description)),
          ("set_by", .array(setBy.map(JSONValue.string))),
          ("derivation", .array(derivation.map(JSONValue.string))),
        ])
      ),
      ("findings", .array(findings.map { $0.json(law: law) })),
      ("actions", .array(actions.map(\.json))),
      ("stale_facts", .array(staleFacts.map(\.json))),
    ]
    return .object(top)
  }

  /// The plain-text report of `pia score`.
  public func text(law: LawCatalogue, source: String? = nil) -> String {
    var lines: [String] = []
    if let source { lines.append("Answers: \(source)") }
    lines.append("Questionnaire: \(questionnaireID) v\(questionnaireVersion), scored as of \(asOf)")
    lines.append("Overall risk: \(overallInherent) → \(overallResidual) (inherent → residual)")
    for line in derivation { lines.append("  \(line)") }
    lines.append("")
    lines.append("Screening: PIA \(screening.outcome.rawValue.replacingOccurrences(of: "_", with: " "))")
    for reason in screening.reasons { lines.append("  - \(reason)") }
    lines.append("")
    if findings.isEmpty {
      lines.append("Findings: none")
    } else {
      lines.append("Findings (\(findings.count), highest residual first):")
      for finding in findings {
        let flow = finding.flowID.map { id in
          " [flow \(id)\(finding.flowLabel.map { ": \($0)" } ?? "")]"
        } ?? ""
        let blocker = finding.blocker ? " BLOCKER" : ""
        lines.append(
          "  \(finding.residual.title.uppercased())\(blocker)  \(finding.title)\(flow)")
        lines.append(
          "    \(finding.ruleID): inherent \(finding.inherent) (\(finding.inherentLikelihood), "
            + "\(finding.inherentSeverity)) → residual \(finding.residual) "
            + "(\(finding.residualLikelihood), \(finding.residualSeverity))")
        lines.append("    Harm: \(finding.harm) Affected: \(finding.affected)")
        lines.append("    Citation: \(finding.citations.map(law.cite).joined(separator: "; "))")
        let inPlace = finding.mitigations.filter(\.inPlace).map(\.title)
        let open = finding.mitigations.filter { !$0.inPlace }.map(\.title)
        if !inPlace.isEmpty { lines.append("    In place: \(inPlace.joined(separator: "; "))") }
        if !open.isEmpty { lines.append("    Open: \(open.joined(separator: "; "))") }
      }
    }
    if !actions.isEmpty {
      lines.append("")
      lines.append("Actions (\(actions.count)):")
      for action in actions {
        var extra: [String] = []
        if let owner = action.owner { extra.append("owner: \(owner)") }
        if let due = action.due { extra.append("due: \(due)") }
        let suffix = extra.isEmpty ? "" : " (\(extra.joined(separator: ", ")))"
        lines.append("  [\(action.priority)] \(action.title)\(suffix)")
      }
    }
    if !staleFacts.isEmpty {
      lines.append("")
      lines.append("Stale vendor facts (\(staleFacts.count); re-check before relying on them):")
      for fact in staleFacts {
        lines.append(
          "  warning: \(fact.vendor)/\(fact.tier) \(fact.fact) checked \(fact.checked) "
            + "(\(fact.ageDays) days before \(asOf)): \(fact.source)")
      }
    }
    return lines.joined(separator: "\n")
  }
}

extension Finding {
  func json(law: LawCatalogue) -> JSONValue {
    .object([
      ("id", .string(ruleID)),
      ("key", .string(key)),
      ("title", .string(title)),
      ("flow", flowID.map(JSONValue.string) ?? .null),
      ("flow_label", flowLabel.map(JSONValue.string) ?? .null),
      ("citation", .string(citations.map(law.cite).joined(separator: "; "))),
      ("cites", .array(citations.map(JSONValue.string))),
      ("harm", .string(harm)),
      ("affected", .string(affected)),
      ("inherent", .string(inherent.description)),
      ("residual", .string(residual.description)),
      (
        "likelihood",
        .object([
          ("inherent", .string(inherentLikelihood.description)),
          ("residual", .string(residualLikelihood.description)),
        ])
      ),
      (
        "severity",
        .object([
          ("inherent", .string(inherentSeverity.description)),
          ("residual", .string(residualSeverity.description)),
        ])
      ),
      ("blocker", .bool(blocker)),
      (
        "mitigations",
        .array(
          mitigations.map {
            .object([
              ("id", .string($0.id)), ("title", .string($0.title)), ("in_place", .bool($0.inPlace)),
            ])
          })
      ),
    ])
  }
}

extension Action {
  var json: JSONValue {
    .object([
      ("id", .string(id)),
      ("title", .string(title)),
      ("priority", .string(priority.description)),
      ("findings", .array(findings.map(JSONValue.string))),
      ("owner", owner.map(JSONValue.string) ?? .null),
      ("due", due.map { .string($0.description) } ?? .null),
      ("status", .string(status)),
    ])
  }
}

extension StaleFact {
  var json: JSONValue {
    .object([
      ("vendor", .string(vendor)),
      ("tier", .string(tier)),
      ("fact", .string(fact)),
      ("checked", .string(checked.description)),
      ("age_days", .number(ageDays)),
      ("source", .string(source)),
    ])
  }
}
