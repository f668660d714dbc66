import Testing
import TestSupport
@testable import Dialogue

/// Looking a text up by its bytes must find exactly what the dictionary it was made from
/// finds, Unicode equivalence included.
@Suite("Byte-keyed tables")
struct ByteKeyedTableTests {
    /// ASCII and its canonical look-alikes (Greek question mark, Kelvin and Ångström signs,
    /// a decomposed é), words with and without spaces, and text that is not ASCII.
    static let pieces = ["a", "b", "K", "k", "\u{212A}", ";", "\u{037E}", "é", "e\u{301}", "Å", "\u{212B}", "A\u{30A}", " ", "0", "9",
                         "help", "main menu", "global.help", ".", "预订", "ß", "\r\n", "\n", "x"]

    static func randomText(_ random: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    /// An empty key has no bytes to point at, nor has the table when it is the only key.
    @Test func anEmptyKeyAloneOrAmongOthers() {
        let alone = ByteKeyedTable(["": 1])
        #expect(alone[""] == 1)
        #expect(alone["a"] == nil)
        let among = ByteKeyedTable(["": 1, "help": 2, "预订": 3])
        #expect(among[""] == 1)
        #expect(among["help"] == 2)
        #expect(among["预订"] == 3)
        #expect(among["hel"] == nil)
        #expect(ByteKeyedTable<Int>([:])[""] == nil)
    }

    @Test(arguments: [0xb7e_0001, 0xb7e_0002, 0xb7e_0003] as [UInt64])
    func findsWhatTheDictionaryFinds(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        for round in 0..<300 {
            var dictionary: [String: Int] = [:]
            let asciiOnly = Bool.random(using: &random)
            for value in 0..<Int.random(in: 0...40, using: &random) {
                let key = Self.randomText(&random)
                guard !asciiOnly || key.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
                dictionary[key] = value
            }
            let table = ByteKeyedTable(dictionary)
            for _ in 0..<40 {
                let text = Bool.random(using: &random) ? Self.randomText(&random) : dictionary.keys.randomElement(using: &random) ?? ""
                #expect(table[text] == dictionary[text], "seed \(seed) round \(round): \(text.debugDescription) in \(dictionary.keys.sorted())")
            }
        }
    }

    @Test func shippedCommandsAndTextsAreFound() {
        for pack in ShippedPrompts.prompts.languages {
            for (word, command) in pack.commands.dictionary { #expect(pack.command(for: word) == command) }
            for (key, text) in pack.constants.laidOut.spoken.dictionary { #expect(pack.constants.laidOut.spoken[key] == text) }
            #expect(pack.command(for: "no such command") == nil)
        }
    }
}
