import Testing
@testable import Dialogue

/// Prompt files saved on Windows (CR LF) read as the same files saved with LF, and a CR or
/// control character that is not a line end is reported, escaped, with its line.
@Suite("Prompt file line ends")
struct LineEndTests {
    /// Every shipped file with CR LF line ends compiles to the same set, with the same texts
    /// and no diagnostics (it was one long line per file, full of errors).
    @Test func crLFFilesCompileAsTheirLFOriginals() throws {
        var windows = PromptFiles.shipped
        windows.replaceEverywhere("\n", with: "\r\n")
        let (crlf, diagnostics) = windows.compile()
        #expect(diagnostics.isEmpty, "\n\(diagnostics.map(\.description).joined(separator: "\n"))")
        let (lf, _) = PromptFiles.shipped.compile()
        let a = try #require(crlf), b = try #require(lf)
        #expect(a.nodes.map(\.qualifiedName) == b.nodes.map(\.qualifiedName))
        #expect(a.nodes.map(\.location) == b.nodes.map(\.location), "the same line numbers")
        for (key, text) in b.languages[0].catalog.texts {
            #expect(a.languages[0].catalog.texts[key]?.template == text.template, "\(key)")
        }
        #expect(a.hotel.text("name", in: "en") == b.hotel.text("name", in: "en"))
    }

    @Test func aStrayCarriageReturnIsReportedEscapedWithItsLine() {
        let set = PromptFiles.edited {
            $0.replace("main.menu.booking = Rooms and bookings\n", with: "main.menu.booking = Rooms\rand bookings\n", in: "en.messages")
        }
        #expect(set.errors == ["\(set.place(of: "main.menu.booking = Rooms", in: "en.messages")): a carriage return (\\r) inside the line: lines end with LF or CR LF; remove it"])
    }

    @Test func aControlCharacterIsReportedEscapedWithItsLineInEveryKindOfFile() {
        let messages = PromptFiles.edited {
            $0.replace("main.menu.booking = Rooms and bookings\n", with: "main.menu.booking = Rooms \u{1b}[31mand bookings\n", in: "en.messages")
        }
        #expect(messages.errors == ["\(messages.place(of: "main.menu.booking = Rooms", in: "en.messages")): a control character (\\u{1b}) in the line: a prompt file holds text, tabs and line ends only; remove it"])
        let flow = PromptFiles.edited { $0.replace("flow booking\n", with: "flow booking\u{7}\n", in: "booking.flow") }
        #expect(flow.errors == ["\(flow.place(of: "flow booking", in: "booking.flow")): a control character (\\u{7}) in the line: a prompt file holds text, tabs and line ends only; remove it"],
                "the line is read without it: one error, not one per line after it")
        let hotel = PromptFiles.edited { $0.replace("[hotel]\n", with: "[hotel]\u{85}\n", in: "hotel.conf") }
        #expect(hotel.errors == ["\(hotel.place(of: "[hotel]", in: "hotel.conf")): a control character (\\u{85}) in the line: a prompt file holds text, tabs and line ends only; remove it"])
    }
}
