import Testing
import TestSupport
@testable import Reactor
import Telnet
import Reactor

/// The output buffer manages its own memory: against a plain array model, under random
/// appends, lines with bare and CR LF line ends, and partial writes, it must hold exactly
/// the bytes still to send, in order.
@Suite("Output buffer")
struct OutputBufferTests {
    static let pieces = ["", "a", "menu", "\n", "\r\n", "\r", "two\nlines", "豪华\n", String(repeating: "x", count: 700),
                         String(repeating: "line\n", count: 900)]

    @Test(arguments: [0x0b0f_0001, 0x0b0f_0002] as [UInt64])
    func holdsExactlyWhatIsLeftToSend(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var buffer = OutputBuffer()
        var model: [UInt8] = []
        for round in 0..<FuzzBudget.rounds(1000) {
            switch Int.random(in: 0..<4, using: &random) {
            case 0:
                let text = Self.pieces.randomElement(using: &random)!
                buffer.appendLine(text)
                var wire: [UInt8] = []
                for byte in text.utf8 {
                    if byte == 0x0A && wire.last != 0x0D { wire.append(0x0D) }
                    wire.append(byte)
                }
                model += wire + [0x0D, 0x0A]
            case 1:
                let bytes = Array(Self.pieces.randomElement(using: &random)!.utf8)
                bytes.withUnsafeBytes { buffer.append($0) }
                model += bytes
            case 2:
                let text = Self.pieces.randomElement(using: &random)!
                buffer.append(text)
                model += Array(text.utf8)
            default:
                let written = Int.random(in: 0...model.count, using: &random)
                buffer.consume(written)
                model.removeFirst(written)
            }
            #expect(buffer.count == model.count, "seed \(seed) round \(round)")
            #expect(buffer.isEmpty == model.isEmpty)
            let held = buffer.withReadableBytes { Array($0) }
            #expect(held == model, "seed \(seed) round \(round)")
            if held != model { return }
        }
        buffer.removeAll()
        #expect(buffer.isEmpty && buffer.withReadableBytes { $0.count } == 0)
    }
}
