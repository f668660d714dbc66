/// What the bytes of UTF-8 text say about where its characters (grapheme clusters) start,
/// for the readers of prompt files that look for ASCII marks (`=`, `{`, spaces) in bytes and
/// must find exactly the characters a walk over `Character`s would.
///
/// An ASCII mark is a character of its own unless the scalar after it extends it (a
/// combining mark, a joiner, a spacing mark) or the one before it is a prepended mark; none
/// of those is ASCII. `startsCharacter` vouches for the scalars prompt files are written in
/// (Latin, CJK and their punctuation) and for nothing else: a caller that meets any other
/// falls back to walking characters.
enum CharacterBytes {
    /// True when the scalar whose UTF-8 starts `bytes` certainly begins a new character: no
    /// rule joins it to what comes before. False when unsure (or `bytes` is empty).
    static func startsCharacter<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var iterator = bytes.makeIterator()
        guard let lead = iterator.next() else { return false }
        if lead < 0x80 { return true }
        guard lead >= 0xC0, lead < 0xF0 else { return false }  // a continuation byte, or beyond U+FFFF
        let length = lead < 0xE0 ? 2 : 3
        var value = UInt32(lead & (length == 2 ? 0x1F : 0x0F))
        for _ in 1..<length {
            guard let next = iterator.next() else { return false }
            value = value << 6 | UInt32(next & 0x3F)
        }
        switch value {
        case 0x00A0..<0x0300,   // Latin-1, Latin Extended A and B, IPA (combining marks start at U+0300)
             0x2010...0x2027, 0x2030...0x205E,  // general punctuation, without the joiners and format marks
             0x3000...0x3029, 0x3030...0x3098, 0x309B...0x9FFF,  // CJK punctuation, kana, ideographs (not their combining marks)
             0xFF01...0xFF9D:   // fullwidth forms (the halfwidth voicing marks after are extenders)
            return true
        default:
            return false
        }
    }
}
