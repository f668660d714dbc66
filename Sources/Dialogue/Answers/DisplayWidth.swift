/// Terminal columns taken by `text`, so menus line up in `telnet` and `nc`.
///
/// Counted per grapheme cluster (what a terminal draws as one glyph): East Asian Wide
/// and Fullwidth characters (CJK ideographs, kana, Hangul, fullwidth forms) and emoji
/// take 2 columns; combining marks, zero-width and control characters take 0; anything
/// else takes 1. So `"e\u{301}"` is 1, `"豪华大床房"` is 10 and a flag is 2.
public func displayWidth(of text: String) -> Int {
    // ASCII, nearly every line the line says: one column a printable byte, no grapheme
    // breaking (CR LF, the one ASCII cluster of two, is controls: zero either way).
    var width = 0
    for byte in text.utf8 {
        guard byte < 0x80 else { return TerminalWidth.columns(ofClustersIn: text) }
        if byte >= 0x20 && byte != 0x7F { width += 1 }
    }
    return width
}

/// `text` followed by spaces up to `toWidth` columns; unchanged when already as wide.
public func padded(_ text: String, toWidth width: Int) -> String {
    let missing = width - displayWidth(of: text)
    return missing > 0 ? text + String(repeating: " ", count: missing) : text
}

/// The East Asian Width table and the per-cluster rule behind `displayWidth(of:)`.
///
/// The standard library exposes general categories and emoji properties but not East
/// Asian Width, so the Wide/Fullwidth blocks are listed here (after Markus Kuhn's
/// `wcwidth`, updated for later Unicode blocks).
enum TerminalWidth {
    static func columns(ofClustersIn text: String) -> Int {
        var width = 0
        for character in text {
            width += columns(of: character)
        }
        return width
    }

    static func columns(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let base = columns(of: first)
        // A text-style emoji followed by VS16 (U+FE0F) is drawn in emoji style: 2 wide.
        // (VS16 first: it is rare, and the emoji property is a table lookup.)
        if base == 1, scalars.contains("\u{FE0F}"), first.properties.isEmoji { return 2 }
        return base
    }

    static func columns(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        if value < 0xA0 { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        // Hangul medial vowels and final consonants join the preceding initial.
        if (0x1160...0x11FF).contains(value) { return 0 }
        return isWide(scalar) ? 2 : 1
    }

    /// True for East Asian Wide or Fullwidth characters and emoji shown as emoji.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value >= 0x1100 else { return false }
        // Binary search over the sorted, disjoint ranges, then the emoji property: a Chinese
        // character is found in the ranges without the property's table lookup.
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return scalar.properties.isEmojiPresentation
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,    // Hangul Jamo initial consonants
        0x2329...0x232A,    // angle brackets
        0x2E80...0x303E,    // CJK radicals, Kangxi, ideographic description, CJK punctuation
        0x3041...0x33FF,    // kana, Bopomofo, Hangul compatibility Jamo, enclosed CJK
        0x3400...0x4DBF,    // CJK extension A
        0x4E00...0x9FFF,    // CJK unified ideographs
        0xA000...0xA4CF,    // Yi
        0xA960...0xA97F,    // Hangul Jamo extended A
        0xAC00...0xD7A3,    // Hangul syllables
        0xF900...0xFAFF,    // CJK compatibility ideographs
        0xFE10...0xFE19,    // vertical forms
        0xFE30...0xFE6F,    // CJK compatibility and small forms
        0xFF00...0xFF60,    // fullwidth ASCII
        0xFFE0...0xFFE6,    // fullwidth signs
        0x16FE0...0x16FE4,  // ideographic symbols
        0x17000...0x18CFF,  // Tangut, Khitan
        0x1AFF0...0x1B2FF,  // kana supplement and extensions, Nüshu
        0x1F200...0x1F2FF,  // enclosed ideographic supplement
        0x1F300...0x1F64F,  // pictographs and emoticons
        0x1F900...0x1F9FF,  // supplemental symbols and pictographs
        0x20000...0x2FFFD,  // CJK extensions B-F, compatibility supplement
        0x30000...0x3FFFD,  // CJK extensions G-H
    ]
}
