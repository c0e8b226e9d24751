/// `pia diff` output: plain text, stable JSON and Markdown (the report's
/// "Changes since version N" section and the council appendix's short form).
extension ChangeSummary {
  // MARK: - JSON

  /// The JSON document of `pia diff --format json` (keys documented in
  /// `docs/revisions.md`; their order is fixed).
  public func json() -> CanonicalJSON.Value {
    typealias J = CanonicalJSON.Value
    func level(_ movement: LevelMovement?) -> J {
      guard let movement else { return .null }
      return .object([
        ("from", .string(movement.from.description)), ("to", .string(movement.to.description)),
        ("direction", .string(movement.direction)),
      ])
    }
    func optionalLevel(_ level: RiskLevel?) -> J { level.map { .string($0.description) } ?? .null }
    func value(_ answer: AnswerValue?) -> J { answer.map(AnswersHash.canonicalValue) ?? .null }
    func text(_ string: String?) -> J { string.map(J.string) ?? .null }

    var overall: J = .null
    if let overallResidual {
      overall = .object([
        ("from", .string(overallResidual.from.description)),
        ("to", .string(overallResidual.to.description)),
        ("direction", .string(overallResidual.direction)),
        ("inherent", level(overallInherent)),
        (
          "verdict",
          verdict.map { movement -> J in
            .object([
              ("from", .string(movement.from.rawValue)), ("to", .string(movement.to.rawValue)),
              ("changed", .bool(movement.changed)),
            ])
          } ?? .null
        ),
      ])
    }
    func field(_ field: FieldChange) -> J {
      .object([
        ("field", .string(field.fieldID)), ("prompt", .string(field.prompt)),
        ("change", .string(field.kind.rawValue)), ("from", value(field.from)),
        ("to", value(field.to)), ("from_text", text(field.fromText)),
        ("to_text", text(field.toText)),
      ])
    }
    func entry(_ entry: EntryChange) -> J {
      .object([
        ("id", .string(entry.entryID)), ("label", .string(entry.label)),
        ("change", .string(entry.kind.rawValue)), ("fields", .array(entry.fields.map(field))),
      ])
    }
    func answer(_ change: AnswerChange) -> J {
      var members: [(String, J)] = [
        ("question", .string(change.questionID)), ("prompt", .string(change.prompt)),
      ]
      switch change.kind {
      case .added:
        members += [("value", value(change.to)), ("text", text(change.toText))]
      case .removed:
        members += [("value", value(change.from)), ("text", text(change.fromText))]
      case .changed:
        members += [
          ("from", value(change.from)), ("to", value(change.to)),
          ("from_text", text(change.fromText)), ("to_text", text(change.toText)),
          ("added_choices", .array(change.addedChoices.map(J.string))),
          ("removed_choices", .array(change.removedChoices.map(J.string))),
          ("entries", .array(change.entries.map(entry))),
        ]
      }
      return .object(members)
    }
    func finding(_ change: FindingChange) -> J {
      switch change.kind {
      case .appeared:
        return .object([
          ("key", .string(change.key)), ("title", .string(change.title)),
          ("inherent", optionalLevel(change.inherentTo)),
          ("residual", optionalLevel(change.residualTo)),
        ])
      case .disappeared:
        return .object([
          ("key", .string(change.key)), ("title", .string(change.title)),
          ("inherent", optionalLevel(change.inherentFrom)),
          ("residual", optionalLevel(change.residualFrom)),
        ])
      case .moved:
        return .object([
          ("key", .string(change.key)), ("title", .string(change.title)),
          (
            "inherent",
            .object([
              ("from", optionalLevel(change.inherentFrom)),
              ("to", optionalLevel(change.inherentTo)),
            ])
          ),
          (
            "residual",
            .object([
              ("from", optionalLevel(change.residualFrom)),
              ("to", optionalLevel(change.residualTo)),
            ])
          ),
        ])
      }
    }
    let from: J = .object([
      ("label", .string(fromLabel)),
      ("version", fromVersion.map { J.number(Double($0)) } ?? J.null),
      ("answers_hash", .string(fromHash.hex)),
    ])
    let to: J = .object([("label", .string(toLabel)), ("answers_hash", .string(toHash.hex))])
    let reasons: [J] = materiality.reasons.map { reason in
      J.object([
        ("rule", .string(reason.rule)), ("description", .string(reason.description)),
        ("verdict", .string(reason.verdict.rawValue)), ("detail", .string(reason.detail)),
      ])
    }
    let materialityValue: J = .object([
      ("verdict", .string(materiality.verdict.rawValue)), ("reasons", .array(reasons)),
    ])
    let added: [J] = answers.filter { $0.kind == .added }.map(answer)
    let removed: [J] = answers.filter { $0.kind == .removed }.map(answer)
    let changed: [J] = answers.filter { $0.kind == .changed }.map(answer)
    let answersValue: J = .object([
      ("added", .array(added)), ("removed", .array(removed)), ("changed", .array(changed)),
    ])
    let findingsValue: J = .object([
      ("appeared", .array(findingsAppeared.map(finding))),
      ("disappeared", .array(findingsDisappeared.map(finding))),
      ("moved", .array(findingsMoved.map(finding))),
    ])
    let facts: [J] = vendorFacts.map { fact in
      J.object([
        ("fact", .string(fact.name)), ("change", .string(fact.kind.rawValue)),
        ("from", value(fact.from)), ("to", value(fact.to)),
      ])
    }
    let review: J = nextReview.map { J.string($0.description) } ?? J.null
    return .object([
      ("from", from), ("to", to), ("materiality", materialityValue), ("overall", overall),
      ("answers", answersValue), ("findings", findingsValue), ("vendor_facts", .array(facts)),
      ("next_review", review),
    ])
  }

  // MARK: - Text

  /// The plain-text form printed by `pia diff`.
  public func text() -> String {
    var lines = ["Changes from \(fromLabel) to \(toLabel)", ""]
    lines.append("Materiality: \(materiality.verdict.title)")
    for reason in materiality.reasons {
      lines.append(
        "  - \(reason.description) (\(reason.detail); \(reason.verdict.title.lowercased()))")
    }
    if let overallResidual {
      lines.append("")
      lines.append(
        "Overall residual: \(FindingChange.movement(overallResidual.from, overallResidual.to))"
          + " (\(overallResidual.direction))")
      if let overallInherent {
        lines.append(
          "Overall inherent: \(FindingChange.movement(overallInherent.from, overallInherent.to))"
            + " (\(overallInherent.direction))")
      }
      if let verdict {
        lines.append(
          verdict.changed
            ? "Verdict: \(verdict.fromLabel) → \(verdict.toLabel) (changed)"
            : "Verdict: \(verdict.toLabel) (unchanged)")
      }
      if let nextReview { lines.append("Next review: \(nextReview)") }
    }
    lines.append("")
    if answers.isEmpty {
      lines.append("Answers: no change")
    } else {
      lines.append("Answers (\(answers.count) changed):")
      for change in answers {
        switch change.kind {
        case .added:
          lines.append("  + \(change.prompt) [\(change.questionID)]: \(change.toText ?? "")")
        case .removed:
          lines.append("  - \(change.prompt) [\(change.questionID)]: \(change.fromText ?? "")")
        case .changed:
          lines.append(
            "  ~ \(change.prompt) [\(change.questionID)]: \(change.fromText ?? "") → "
              + "\(change.toText ?? "")")
        }
        for entry in change.entries {
          let mark = entry.kind == .added ? "+" : entry.kind == .removed ? "-" : "~"
          lines.append("      \(mark) \(entry.label)")
          if entry.kind == .changed {
            for field in entry.fields {
              lines.append(
                "          \(field.prompt): \(field.fromText ?? "not answered") → "
                  + "\(field.toText ?? "not answered")")
            }
          }
        }
      }
    }
    if overallResidual != nil {
      lines.append("")
      if findings.isEmpty {
        lines.append("Findings: no change")
      } else {
        lines.append("Findings:")
        for change in findings {
          switch change.kind {
          case .appeared:
            lines.append("  + \(change.title): residual \(change.residualText)")
          case .disappeared:
            lines.append("  - \(change.title): was \(change.residualText)")
          case .moved:
            lines.append(
              "  ~ \(change.title): inherent \(change.inherentText), "
                + "residual \(change.residualText)")
          }
        }
      }
    }
    if !vendorFacts.isEmpty {
      lines.append("")
      lines.append("Vendor facts:")
      for fact in vendorFacts {
        lines.append(
          "  ~ \(fact.name): \(fact.from?.plainDescription ?? "unknown") → "
            + "\(fact.to?.plainDescription ?? "unknown")")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: - Markdown

  /// The full "Changes since …" section in Markdown, starting with a heading
  /// of `level` hashes.
  public func markdown(headingLevel level: Int = 2) -> String {
    let hashes = String(repeating: "#", count: max(1, min(6, level)))
    var out = "\(hashes) Changes since \(Self.escape(fromLabel))\n\n"
    out += "**Materiality:** \(materiality.verdict.title)"
    out += materiality.reasons.isEmpty ? ".\n\n" : "\n\n"
    for reason in materiality.reasons {
      out +=
        "- \(Self.escape(reason.description)) (\(Self.escape(reason.detail)); "
        + "\(reason.verdict.title.lowercased()))\n"
    }
    if !materiality.reasons.isEmpty { out += "\n" }
    if let overallResidual {
      out += "| Level | \(Self.escape(fromLabel)) | Now |\n|---|---|---|\n"
      out += "| Overall residual | \(overallResidual.from.title) | \(overallResidual.to.title) |\n"
      if let verdict {
        out += "| Verdict | \(Self.escape(verdict.fromLabel)) | \(Self.escape(verdict.toLabel)) |\n"
      }
      if let overallInherent {
        out +=
          "| Overall inherent | \(overallInherent.from.title) | \(overallInherent.to.title) |\n"
      }
      out += "\n"
      if let nextReview { out += "Next review: \(nextReview).\n\n" }
    }
    out += "\(hashes)# Answers\n\n"
    if answers.isEmpty {
      out += "No answer changed.\n\n"
    } else {
      out += "| Question | Before | Now |\n|---|---|---|\n"
      for change in answers {
        out +=
          "| \(Self.escape(change.prompt)) | \(Self.escape(change.fromText ?? "—")) | "
          + "\(Self.escape(change.toText ?? "—")) |\n"
        for entry in change.entries {
          if entry.kind == .changed {
            for field in entry.fields {
              out +=
                "| \(Self.escape(entry.label)): \(Self.escape(field.prompt)) | "
                + "\(Self.escape(field.fromText ?? "—")) | \(Self.escape(field.toText ?? "—")) |\n"
            }
          } else {
            let added = entry.kind == .added
            out +=
              "| \(Self.escape(entry.label)) | \(added ? "—" : "removed") | "
              + "\(added ? "added" : "—") |\n"
          }
        }
      }
      out += "\n"
    }
    if overallResidual != nil {
      out += "\(hashes)# Findings\n\n"
      if findings.isEmpty {
        out += "No finding appeared, disappeared or changed level.\n\n"
      } else {
        out += "| Finding | Change | Inherent | Residual |\n|---|---|---|---|\n"
        for change in findings {
          out +=
            "| \(Self.escape(change.title)) | \(change.kind.rawValue) | "
            + "\(change.inherentText) | \(change.residualText) |\n"
        }
        out += "\n"
      }
    }
    if !vendorFacts.isEmpty {
      out += "\(hashes)# Vendor facts\n\n| Fact | Before | Now |\n|---|---|---|\n"
      for fact in vendorFacts {
        out +=
          "| \(Self.escape(fact.name)) | \(Self.escape(fact.from?.plainDescription ?? "—")) | "
          + "\(Self.escape(fact.to?.plainDescription ?? "—")) |\n"
      }
      out += "\n"
    }
    return out
  }

  /// The council appendix's short form: a few plain bullet points.
  public func shortMarkdown() -> String {
    var out = "- **What changed since \(Self.escape(fromLabel)):** "
    out +=
      answers.isEmpty
      ? "no answer changed.\n"
      : answers.prefix(5).map { Self.escape($0.prompt) }.joined(separator: "; ")
        + (answers.count > 5 ? "; and \(answers.count - 5) more.\n" : ".\n")
    if let overallResidual {
      out += "- **Overall residual risk:** \(overallResidual.from.title)"
      out +=
        overallResidual.from == overallResidual.to
        ? " (unchanged).\n" : " → \(overallResidual.to.title).\n"
      if let verdict, verdict.changed {
        out +=
          "- **Verdict:** \(Self.escape(verdict.fromLabel)) → \(Self.escape(verdict.toLabel)).\n"
      }
      let appeared = findingsAppeared.count
      let disappeared = findingsDisappeared.count
      if appeared + disappeared > 0 {
        out += "- **Risks:** \(appeared) new, \(disappeared) no longer apply.\n"
      }
    }
    out += "- **Assessment needed:** \(materiality.verdict.title)"
    out +=
      materiality.reasons.isEmpty
      ? ".\n"
      : " — "
        + materiality.reasons.map { Self.escape($0.description) }
        .joined(separator: "; ") + ".\n"
    return out
  }

  /// Text safe inside Markdown prose and table cells: the report's own
  /// escaper, one line.
  static func escape(_ text: String) -> String {
    MarkdownEscaper.escapeTableCell(text)
  }
}
