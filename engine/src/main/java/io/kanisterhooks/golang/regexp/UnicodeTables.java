package io.kanisterhooks.golang.regexp;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

/**
 * The Unicode classes RE2 knows by name ({@code \p{Greek}}, {@code \pL}, {@code \p{Any}}): Go 1.19's category and
 * script names (Unicode 13, as in Java 17), materialised from java.lang.Character.
 */
final class UnicodeTables {

    private static final Map<String, byte[]> CATEGORIES = Map.ofEntries(
            Map.entry("Cc", new byte[] {Character.CONTROL}),
            Map.entry("Cf", new byte[] {Character.FORMAT}),
            Map.entry("Co", new byte[] {Character.PRIVATE_USE}),
            Map.entry("Cs", new byte[] {Character.SURROGATE}),
            Map.entry("C", new byte[] {Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE,
                Character.SURROGATE}),
            Map.entry("Lu", new byte[] {Character.UPPERCASE_LETTER}),
            Map.entry("Ll", new byte[] {Character.LOWERCASE_LETTER}),
            Map.entry("Lt", new byte[] {Character.TITLECASE_LETTER}),
            Map.entry("Lm", new byte[] {Character.MODIFIER_LETTER}),
            Map.entry("Lo", new byte[] {Character.OTHER_LETTER}),
            Map.entry("L", new byte[] {Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER,
                Character.TITLECASE_LETTER, Character.MODIFIER_LETTER, Character.OTHER_LETTER}),
            Map.entry("Mn", new byte[] {Character.NON_SPACING_MARK}),
            Map.entry("Mc", new byte[] {Character.COMBINING_SPACING_MARK}),
            Map.entry("Me", new byte[] {Character.ENCLOSING_MARK}),
            Map.entry("M", new byte[] {Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK,
                Character.ENCLOSING_MARK}),
            Map.entry("Nd", new byte[] {Character.DECIMAL_DIGIT_NUMBER}),
            Map.entry("Nl", new byte[] {Character.LETTER_NUMBER}),
            Map.entry("No", new byte[] {Character.OTHER_NUMBER}),
            Map.entry("N", new byte[] {Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER,
                Character.OTHER_NUMBER}),
            Map.entry("Pc", new byte[] {Character.CONNECTOR_PUNCTUATION}),
            Map.entry("Pd", new byte[] {Character.DASH_PUNCTUATION}),
            Map.entry("Ps", new byte[] {Character.START_PUNCTUATION}),
            Map.entry("Pe", new byte[] {Character.END_PUNCTUATION}),
            Map.entry("Pi", new byte[] {Character.INITIAL_QUOTE_PUNCTUATION}),
            Map.entry("Pf", new byte[] {Character.FINAL_QUOTE_PUNCTUATION}),
            Map.entry("Po", new byte[] {Character.OTHER_PUNCTUATION}),
            Map.entry("P", new byte[] {Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
                Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION}),
            Map.entry("Sm", new byte[] {Character.MATH_SYMBOL}),
            Map.entry("Sc", new byte[] {Character.CURRENCY_SYMBOL}),
            Map.entry("Sk", new byte[] {Character.MODIFIER_SYMBOL}),
            Map.entry("So", new byte[] {Character.OTHER_SYMBOL}),
            Map.entry("S", new byte[] {Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                Character.OTHER_SYMBOL}),
            Map.entry("Zs", new byte[] {Character.SPACE_SEPARATOR}),
            Map.entry("Zl", new byte[] {Character.LINE_SEPARATOR}),
            Map.entry("Zp", new byte[] {Character.PARAGRAPH_SEPARATOR}),
            Map.entry("Z", new byte[] {Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                Character.PARAGRAPH_SEPARATOR}));

    /** Go 1.19's unicode.Scripts keys; Java's enum constants are the same names upper-cased. */
    private static final Set<String> SCRIPTS = Set.of("Adlam", "Ahom", "Anatolian_Hieroglyphs", "Arabic",
            "Armenian", "Avestan", "Balinese", "Bamum", "Bassa_Vah", "Batak", "Bengali", "Bhaiksuki", "Bopomofo",
            "Brahmi", "Braille", "Buginese", "Buhid", "Canadian_Aboriginal", "Carian", "Caucasian_Albanian",
            "Chakma", "Cham", "Cherokee", "Chorasmian", "Common", "Coptic", "Cuneiform", "Cypriot", "Cyrillic",
            "Deseret", "Devanagari", "Dives_Akuru", "Dogra", "Duployan", "Egyptian_Hieroglyphs", "Elbasan",
            "Elymaic", "Ethiopic", "Georgian", "Glagolitic", "Gothic", "Grantha", "Greek", "Gujarati",
            "Gunjala_Gondi", "Gurmukhi", "Han", "Hangul", "Hanifi_Rohingya", "Hanunoo", "Hatran", "Hebrew",
            "Hiragana", "Imperial_Aramaic", "Inherited", "Inscriptional_Pahlavi", "Inscriptional_Parthian",
            "Javanese", "Kaithi", "Kannada", "Katakana", "Kayah_Li", "Kharoshthi", "Khitan_Small_Script", "Khmer",
            "Khojki", "Khudawadi", "Lao", "Latin", "Lepcha", "Limbu", "Linear_A", "Linear_B", "Lisu", "Lycian",
            "Lydian", "Mahajani", "Makasar", "Malayalam", "Mandaic", "Manichaean", "Marchen", "Masaram_Gondi",
            "Medefaidrin", "Meetei_Mayek", "Mende_Kikakui", "Meroitic_Cursive", "Meroitic_Hieroglyphs", "Miao",
            "Modi", "Mongolian", "Mro", "Multani", "Myanmar", "Nabataean", "Nandinagari", "New_Tai_Lue", "Newa",
            "Nko", "Nushu", "Nyiakeng_Puachue_Hmong", "Ogham", "Ol_Chiki", "Old_Hungarian", "Old_Italic",
            "Old_North_Arabian", "Old_Permic", "Old_Persian", "Old_Sogdian", "Old_South_Arabian", "Old_Turkic",
            "Oriya", "Osage", "Osmanya", "Pahawh_Hmong", "Palmyrene", "Pau_Cin_Hau", "Phags_Pa", "Phoenician",
            "Psalter_Pahlavi", "Rejang", "Runic", "Samaritan", "Saurashtra", "Sharada", "Shavian", "Siddham",
            "SignWriting", "Sinhala", "Sogdian", "Sora_Sompeng", "Soyombo", "Sundanese", "Syloti_Nagri", "Syriac",
            "Tagalog", "Tagbanwa", "Tai_Le", "Tai_Tham", "Tai_Viet", "Takri", "Tamil", "Tangut", "Telugu", "Thaana",
            "Thai", "Tibetan", "Tifinagh", "Tirhuta", "Ugaritic", "Vai", "Wancho", "Warang_Citi", "Yezidi", "Yi",
            "Zanabazar_Square");

    private static final Map<String, CodePointSet> CACHE = new ConcurrentHashMap<>();

    private UnicodeTables() {
    }

    /** The named class, or null when Go does not know the name. */
    static CodePointSet lookup(String name) {
        if (name.equals("Any")) {
            return new CodePointSet().add(0, CodePointSet.MAX_RUNE);
        }
        IntPredicate member;
        if (CATEGORIES.containsKey(name)) {
            byte[] types = CATEGORIES.get(name);
            member = c -> {
                int t = Character.getType(c);
                for (byte b : types) {
                    if (b == t) {
                        return true;
                    }
                }
                return false;
            };
        } else if (SCRIPTS.contains(name)) {
            Character.UnicodeScript script = Character.UnicodeScript.valueOf(name.toUpperCase(Locale.ROOT));
            member = c -> Character.UnicodeScript.of(c) == script;
        } else {
            return null;
        }
        return new CodePointSet().addAll(CACHE.computeIfAbsent(name, n -> materialise(member)));
    }

    private static CodePointSet materialise(IntPredicate member) {
        CodePointSet set = new CodePointSet();
        int c = 0;
        while (c <= CodePointSet.MAX_RUNE) {
            if (!member.test(c)) {
                c++;
                continue;
            }
            int start = c;
            while (c + 1 <= CodePointSet.MAX_RUNE && member.test(c + 1)) {
                c++;
            }
            set.add(start, c);
            c++;
        }
        return set;
    }
}
