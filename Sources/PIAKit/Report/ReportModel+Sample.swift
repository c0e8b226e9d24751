extension ReportModel {
  /// A fully populated model: every list has an item and every optional part
  /// is present, so rendering a template against it reaches every tag. Used
  /// to derive the ``TemplateSchema`` and by `pia validate`.
  public static let sample: ReportModel = {
    var model = sampleWithoutCouncil
    var council = Council()
    council.ready = true
    council.motion = ["That Council approve the sample."]
    council.authority = ["Sample"]
    council.attachments = ["Attachment 1 – Sample"]
    council.missing = ["Sample"]
    model.council = council
    model.notice.programs = [
      ProgramNotice(
        program: "Sample", authority: "Sample", purposes: ["Sample"], contact: "Sample",
        gaps: ["Sample"])
    ]
    model.notice.programNote = "Sample"
    return model
  }()

  private static let sampleWithoutCouncil: ReportModel = {
    let question = QuestionAnswer(
      id: "sample_question", prompt: "Sample question?", answer: "Sample answer", answered: true,
      citations: ["Sample citation"], entries: [])
    var group = question
    group.entries = [GroupItem(title: "Data flow 1: Sample", fields: [question])]
    let finding = FindingRow(
      number: "R1", title: "Sample risk", flow: "Sample flow", harm: "Sample harm",
      affected: "Residents",
      citations: ["Sample citation"], inherent: "High",
      inherentBasis: "likely likelihood, significant severity",
      residual: "Medium", residualBasis: "possible likelihood, limited severity", blocker: true,
      mitigations: [MitigationRow(title: "Sample mitigation", status: "Open")],
      keyMitigation: "Sample mitigation", notEstablished: "Sample")
    let action = ActionRow(
      number: "A1", title: "Sample action", vendorStep: "Sample vendor: sample step",
      priority: "Medium", owner: "Clerk",
      target: "By 2026-01-31", targetDate: "2026-01-31", targetFromPolicy: true,
      status: "Open", findings: "R1")
    return ReportModel(
      document: DocumentControl(
        title: "Sample Privacy Impact Assessment", initiative: "Sample", institution: "Sample Town",
        piaNumber: "PIA-0000-000", version: "1", status: "Draft", assessedAsOf: "2026-01-01",
        lastReviewed: "2026-01-01", author: "Privacy lead", owner: "Program owner",
        questionnaire: "Sample (sample v1)",
        revisions: [Revision(version: "1", date: "2026-01-01", description: "First assessment")]),
      initiative: Initiative(
        purpose: "Sample", currentVsProposed: "Sample", stage: "Pilot", stakeholders: "Sample",
        systems: "Sample", vendors: "Sample", inScope: ["Sample"], outOfScope: ["Sample"],
        relatedAssessments: "Sample", scopeSummary: "Sample"),
      screening: ScreeningResult(
        handlesPI: true, outcome: "Sample", reasons: ["Sample"], noPIReasons: "Sample"),
      law: LawStatus(
        applied: ["Sample regime"],
        pending: [
          PendingRegime(
            title: "Sample amendments", commencement: "Not yet confirmed", effects: ["Sample"])
        ],
        lawChecked: "2026-01-01",
        citations: [Citation(cite: "Sample citation", meaning: "Sample", uncertain: true)]),
      conclusion: Conclusion(
        recommendation: .proceedWithConditions, label: "Proceed with conditions",
        reasons: ["Sample"], incomplete: ["Sample"], authorized: "Sample",
        overallInherent: "High", overallResidual: "Medium", derivation: ["Sample"]),
      residualCounts: [LevelCount(level: "Medium", count: 1)],
      inherentCounts: [LevelCount(level: "High", count: 1)],
      heatMap: [
        HeatMapRow(
          severity: "Maximum", cells: ["Medium (0)", "High (0)", "Critical (0)", "Critical (0)"])
      ],
      // One more action than the council appendix lists, so that `other_conditions` has an item.
      findings: [finding],
      actions: (1...(councilConditionLimit + 1)).map { number in
        var copy = action
        copy.number = "A\(number)"
        return copy
      },
      inventory: [
        InventoryCategory(category: "Contact details", elements: ["Sample"], isPersonal: true)
      ],
      dataFlows: [
        DataFlowRow(
          number: "1", element: "Sample", category: "Sample", source: "Sample", purpose: "Sample",
          authority: "Sample", destination: "Sample", storage: "Sample", disclosure: "Sample",
          retention: "Sample")
      ],
      analysis: [
        AnalysisTopic(title: "Sample", citations: ["Sample"], questions: [group], findings: ["R1"])
      ],
      vendor: VendorSection(
        vendor: "Sample", product: "Sample", tier: "Sample", dataLocation: "Sample",
        facts: [
          VendorFactRow(
            fact: "Sample", value: "Sample", source: "https://example.org", checked: "2026-01-01",
            stale: true, stated: "not stated", status: "Unverified")
        ], planNames: "Sample plan", factsChecked: "Not yet checked by the municipality."),
      signOff: SignOff(
        signers: [
          Signer(role: "Head or delegate", name: "Sample", title: "Sample", date: "", decision: "")
        ],
        approver: "Sample", privacyLead: "Sample", advice: "Sample", adviceOutcome: "Accepted",
        overruleReasons: "Sample", ipcConsulted: "No", approvalStatus: "Draft"),
      review: Review(nextReview: "2027-01-01", triggers: ["Sample"]),
      notice: Notice(
        required: true, exemption: "Sample", institution: "Sample", authority: "Sample",
        authorityPresent: true, purposes: ["Sample"], purposesPresent: true, contact: "Sample",
        contactPresent: false, citation: "Sample", gaps: ["Sample"], complete: false),
      appendix: [AnswerSection(title: "Sample", questions: [group])],
      changes: Changes(
        sinceVersion: "1", materiality: "Addendum", items: ["Sample"], shortItems: ["Sample"]),
      contact: "Sample", reportDate: "2026-01-01")
  }()

  /// The shape every model has, with the `cite` names of `law`.
  public static func schema(law: LawCatalogue) -> TemplateSchema {
    TemplateSchema(of: sample.templateValue(law: law))
  }
}
