import PIAKit
import Testing

@Test func versionIsSet() {
  #expect(!PIAKit.version.isEmpty)
}
