import PIAKit
import Testing

@Suite struct ConditionTests {
  let answers: [String: AnswerValue] = [
    "plan_tier": .choice("pro"),
    "opted_out": .bool(false),
    "tasks": .choices(["reports", "casework"]),
    "days": .number(45),
    "flows": .entries([
      GroupEntry(id: "flows-1", values: ["authority": .choice("statute")]),
      GroupEntry(id: "flows-2", values: ["authority": .choice("none"), "element": .text("Name")]),
    ]),
  ]

  func holds(_ text: String) throws -> Bool {
    try Condition(parsing: text).evaluate(in: AnswerEnvironment(answers: answers))
  }

  @Test(arguments: [
    ("plan_tier = pro", true),
    ("plan_tier == pro", true),
    ("plan_tier = team", false),
    ("plan_tier != team", true),
    ("plan_tier in [free, pro, max]", true),
    ("plan_tier not in [free, pro, max]", false),
    ("opted_out = no", true),
    ("opted_out = yes", false),
    ("opted_out = false", true),
    ("tasks has casework", true),
    ("tasks has council", false),
    ("tasks has any [council, reports]", true),
    ("days > 30", true),
    ("days <= 30", false),
    ("days >= 45 and days < 46", true),
    ("count(flows) = 2", true),
    ("count(flows) > 2", false),
    ("count(tasks) >= 2", true),
    ("missing is answered", false),
    ("missing is not answered", true),
    ("missing = x", false),
    ("missing != x", true),
    ("plan_tier is answered", true),
    ("any flows where authority = none", true),
    ("any flows where (authority = none and element = \"Name\")", true),
    ("any flows where (authority = none and plan_tier = team)", false),
    ("not (plan_tier = pro)", false),
    ("plan_tier = team or days > 30 and opted_out = no", true),
    ("(plan_tier = team or days > 30) and opted_out = yes", false),
    ("true", true),
    ("vendor.trains = true", false),
  ])
  func evaluates(_ text: String, _ expected: Bool) throws {
    #expect(try holds(text) == expected, "\(text)")
  }

  @Test func readsVendorFacts() throws {
    let environment = AnswerEnvironment(answers: [:], facts: ["trains": .bool(true)])
    #expect(try Condition(parsing: "vendor.trains = true").evaluate(in: environment))
    #expect(try !Condition(parsing: "vendor.trains = no").evaluate(in: environment))
  }

  @Test(arguments: [
    ("plan_tier =", "expected a value at the end of the condition", 11),
    ("plan_tier in free", "expected '[' to start the list of values, found 'free'", 13),
    (
      "plan_tier = pro pro",
      "unexpected 'pro' after a complete condition (join conditions with 'and' or 'or')", 16
    ),
    ("(a = b", "expected ')' to close '(' at the end of the condition", 6),
    (
      "a is maybe",
      "expected 'answered' after 'is' (write 'is answered' or 'is not answered'), found 'maybe'", 5
    ),
    ("a ~ b", "unexpected character '~'", 2),
    ("a = 'open", "unterminated quoted text", 4),
    ("days > many", "expected a number after '>', found 'many'", 7),
  ])
  func reportsSyntaxErrors(_ text: String, _ message: String, _ offset: Int) {
    #expect(throws: Condition.ParseError(message: message, offset: offset)) {
      try Condition(parsing: text)
    }
  }
}
