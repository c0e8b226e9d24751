/// One step of the privacy analysis, in the order the IPC checks a complaint:
/// s. 2 → s. 28(2) → s. 29 → ss. 31/33 → s. 32 → access → Reg. 823 s. 3 →
/// Reg. 823 s. 5 and disposal → personal information banks (ss. 34/35).
///
/// Each topic names the provisions it rests on (law catalogue ids, printed
/// through the catalogue) and the questions whose answers it shows; questions
/// a questionnaire does not ask are skipped.
struct PrivacyAnalysisTopic: Sendable, Hashable {
  var title: String
  var provisions: [String]
  var questions: [String]
  var flowFields: [String]

  static let ipcOrder: [PrivacyAnalysisTopic] = [
    .init(
      title: "Is it personal information?",
      provisions: ["mfippa-s2-1-pi", "mfippa-s2-2_1", "mfippa-s27"],
      questions: [
        "handles_pi", "oral_pi", "prompt_pi", "public_record_purpose", "personal_information",
        "sensitive_categories", "public_record_only", "deidentification_approach",
        "deidentification_method",
      ],
      flowFields: ["pi_category"]),
    .init(
      title: "Authority to collect",
      provisions: ["mfippa-s28-2"],
      questions: ["program_authority", "collection_necessity"],
      flowFields: ["authority", "authority_detail"]),
    .init(
      title: "Direct collection and notice of collection",
      provisions: ["mfippa-s29-1", "mfippa-s29-2"],
      questions: ["notice_channels"],
      flowFields: [
        "collected_directly", "indirect_exception", "notice_authority", "notice_purpose",
        "notice_contact",
      ]),
    .init(
      title: "Use",
      provisions: ["mfippa-s31", "mfippa-s33", "mfippa-s30-2"],
      questions: [
        "use_basis", "reasonable_expectation", "ai_purpose_fit", "decisions_about_individuals",
        "human_review_decisions", "accuracy_steps", "output_signoff", "output_quality_testing",
      ],
      flowFields: []),
    .init(
      title: "Disclosure",
      provisions: ["mfippa-s32"],
      questions: [
        "regular_disclosures_documented", "vendor_agreement", "vendor_disclosure_basis",
        "vendor_processor_terms", "training_opt_in", "consumer_training_opt_out",
        "personal_accounts",
      ],
      flowFields: ["recipients", "disclosure_ground"]),
    .init(
      title: "Access, correction and records",
      provisions: ["mfippa-s4-1", "mfippa-s4_1", "mfippa-s36-2"],
      questions: [
        "access_correction_process", "records_preservation", "foi_records_in_scope",
        "foi_retrieval",
        "legal_hold",
      ],
      flowFields: []),
    .init(
      title: "Security",
      provisions: ["reg823-s3-1", "reg823-s3-2", "reg823-s3-3"],
      questions: [
        "need_to_know_access", "security_documented", "sso_mfa", "role_based_access", "encryption",
        "audit_logging", "privacy_training", "backup_protection", "ai_use_policy",
        "ai_user_training",
        "ai_sso_mfa", "managed_devices", "ai_access_roles", "telemetry_monitoring",
        "telemetry_data_governed", "breach_plan", "vendor_breach_notice", "ai_breach_plan",
        "breach_coordinator",
      ],
      flowFields: ["storage_location", "contract_safeguards", "roles_with_access"]),
    .init(
      title: "Retention and disposal",
      provisions: ["reg823-s5", "mfippa-s30-1", "mfippa-s30-4", "municipal-act-s255-3"],
      questions: [
        "retention_by_law", "minimum_retention_met", "secure_disposal", "local_history_handling",
        "compliance_api_enabled", "custom_retention_days", "ai_retention_class_assigned",
        "ai_retention_class", "zero_data_retention", "ai_disposal",
      ],
      flowFields: ["retention_class", "retention_by_law_class"]),
    .init(
      title: "Personal information banks",
      provisions: ["mfippa-s34-1", "mfippa-s35-1"],
      questions: ["pib_impact", "pib_name", "pib_index_updated", "ai_registry"],
      flowFields: []),
  ]
}
