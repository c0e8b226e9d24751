/// The library behind the `pia` command: questionnaires, answers, the interview,
/// the risk engine and the report renderers. It is pure: no printing, no process
/// globals, no clock; every input arrives as a parameter.
public enum PIAKit {
  /// The version printed by `pia --version`.
  public static let version = "0.1.0"
}
