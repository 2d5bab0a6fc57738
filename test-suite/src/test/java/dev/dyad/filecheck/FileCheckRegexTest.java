package dev.dyad.filecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The ERE-to-Java translation: POSIX meaning of each construct and regcomp's error messages. */
class FileCheckRegexTest {

    private static boolean finds(String ere, String text) throws PosixRegex.SyntaxError {
        return PosixRegex.translate(ere, false).compile(false).matcher(text).find();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\\d        | d      | 5",
        "a.c        | abc    | 'a\nc'",
        "[^x]       | y      | '\n'",
        "[[:digit:]]+ | 42   | x",
        "[]a]       | ]      | b",
        "[a-]       | -      | b",
        "a{x        | a{x    | ax",
        "x{2}       | xx     | x",
        "(ab)\\1    | abab   | abba",
        "[[:<:]]fo  | a fo   | afo",
        "a\\.b      | a.b    | axb",
        "[[.-.]]    | -      | a",
    })
    void posixMeaning(String ere, String matching, String notMatching) throws PosixRegex.SyntaxError {
        assertTrue(finds(ere.strip(), matching.strip()), ere + " should find " + matching);
        assertFalse(finds(ere.strip(), notMatching.replace("'", "")), ere + " should not find " + notMatching);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''        | empty (sub)expression",
        "'a|'      | empty (sub)expression",
        "a)        | parentheses not balanced",
        "(a        | parentheses not balanced",
        "[a        | brackets ([ ]) not balanced",
        "a+?       | repetition-operator operand invalid",
        "*a        | repetition-operator operand invalid",
        "^*        | repetition-operator operand invalid",
        "a{1       | braces not balanced",
        "a{256}    | invalid repetition count(s)",
        "a{2,1}    | invalid repetition count(s)",
        "[b-a]     | invalid character range",
        "[a-c-e]   | invalid character range",
        "[[:foo:]] | invalid character class",
        "\\1       | invalid backreference number",
        "(a\\1)    | invalid backreference number",
        "a\\       | trailing backslash (\\)",
    })
    void regcompErrors(String ere, String message) {
        PosixRegex.SyntaxError e = assertThrows(PosixRegex.SyntaxError.class,
                () -> PosixRegex.translate(ere.strip(), false));
        assertEquals(message.strip(), e.getMessage());
    }

    @Test
    void groupsKeepPosixNumbering() throws PosixRegex.SyntaxError {
        assertEquals(3, PosixRegex.translate("(a)(b(c))", false).groupCount());
        assertEquals(0, PosixRegex.translate("[(]a\\(", false).groupCount());
    }

    @Test
    void ambiguityIsFlaggedForLongestMatchSearch() throws PosixRegex.SyntaxError {
        assertTrue(PosixRegex.translate("a|ab", false).ambiguous());
        assertTrue(PosixRegex.translate("x*(xy)?", false).ambiguous());
        assertFalse(PosixRegex.translate("[0-9]+.*", false).ambiguous());
        assertTrue(PosixRegex.translate("[[:space:]]", false).newlines());
        assertFalse(PosixRegex.translate("[^a]", false).newlines());
    }

    @Test
    void escapeQuotesEveryMetacharacter() throws PosixRegex.SyntaxError {
        String literal = "a.b*c(d)[e]{f}|g^h$i+j?k\\l";
        assertTrue(finds("^" + PosixRegex.escape(literal) + "$", literal));
    }

    @Test
    void ignoreCaseFoldsBracketsBeforeNegation() throws PosixRegex.SyntaxError {
        var p = PosixRegex.translate("[^a]", true).compile(true);
        assertFalse(p.matcher("A").find());
        assertTrue(p.matcher("b").find());
    }
}
