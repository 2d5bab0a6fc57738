package dev.dyad.filecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The exact diagnostic text: locations, echoed lines, carets and ranges, as LLVM 22's FileCheck prints them. */
class FileCheckDiagnosticsTest {

    private static FileCheckResult run(String check, String input) {
        return FileCheck.run(check, "test.check", input, FileCheckOptions.defaults());
    }

    @Test
    void notFoundPointsAtPatternAndScanStart() {
        FileCheckResult r = run("CHECK: foo\nCHECK: missing\n", "foo\nbar\n");
        assertEquals(1, r.exitCode());
        assertEquals("""
                test.check:2:8: error: CHECK: expected string not found in input
                CHECK: missing
                       ^
                <stdin>:1:4: note: scanning from here
                foo
                   ^
                """, r.diagnostics());
    }

    @Test
    void possibleIntendedMatch() {
        FileCheckResult r = run("CHECK: hello world\n", "abc\nhello  wrld\nxyz\n");
        assertEquals("""
                test.check:1:8: error: CHECK: expected string not found in input
                CHECK: hello world
                       ^
                <stdin>:1:1: note: scanning from here
                abc
                ^
                <stdin>:2:1: note: possible intended match here
                hello wrld
                ^
                """, r.diagnostics(), "input lines are shown whitespace-canonicalised, as LLVM does");
    }

    @Test
    void nextOnWrongLineHasFourParts() {
        FileCheckResult r = run("CHECK: foo\nCHECK-NEXT: bar\n", "foo\nbaz\nbar\n");
        assertEquals("""
                test.check:2:13: error: CHECK-NEXT: is not on the line after the previous match
                CHECK-NEXT: bar
                            ^
                <stdin>:3:1: note: 'next' match was here
                bar
                ^
                <stdin>:1:4: note: previous match ended here
                foo
                   ^
                <stdin>:2:1: note: non-matching line after previous match is here
                baz
                ^
                """, r.diagnostics());
    }

    @Test
    void sameLineNext() {
        FileCheckResult r = run("CHECK: a\nCHECK-NEXT: b\n", "a b\n");
        assertEquals("""
                test.check:2:13: error: CHECK-NEXT: is on the same line as previous match
                CHECK-NEXT: b
                            ^
                <stdin>:1:3: note: 'next' match was here
                a b
                  ^
                <stdin>:1:2: note: previous match ended here
                a b
                 ^
                """, r.diagnostics());
    }

    @Test
    void excludedStringUnderlinesTheMatch() {
        FileCheckResult r = run("CHECK: start\nCHECK-NOT: bad thing\nCHECK: end\n", "start\n  a bad thing\nend\n");
        assertEquals("""
                test.check:2:12: error: CHECK-NOT: excluded string found in input
                CHECK-NOT: bad thing
                           ^
                <stdin>:2:4: note: found here
                 a bad thing
                   ^~~~~~~~~
                """, r.diagnostics());
    }

    @Test
    void substitutionNotesAndCapturedVariables() {
        FileCheckResult r = run("CHECK: [[X:f.o]]\nCHECK: [[X]] bar\n", "foo\nfoo baz\nhello\n");
        assertEquals("""
                test.check:2:8: error: CHECK: expected string not found in input
                CHECK: [[X]] bar
                       ^
                <stdin>:1:4: note: scanning from here
                foo
                   ^
                <stdin>:1:4: note: with "X" equal to "foo"
                foo
                   ^
                <stdin>:2:3: note: possible intended match here
                foo baz
                  ^
                """, r.diagnostics());

        FileCheckResult n = run("CHECK-NOT: [[X:b]]\nCHECK: c\n", "a\nb\nc\n");
        assertTrue(n.diagnostics().endsWith("""
                <stdin>:2:1: note: captured var "X"
                b
                ^
                """), n.diagnostics());
    }

    @Test
    void undefinedVariableIsReportedAtItsUse() {
        FileCheckResult r = run("CHECK: [[X:f.o]]\nCHECK: [[X]] [[Y]]\n", "foo\nfoo\n");
        assertEquals("""
                test.check:2:16: error: undefined variable: Y
                CHECK: [[X]] [[Y]]
                               ^
                <stdin>:1:4: note: with "X" equal to "foo"
                foo
                   ^
                """, r.diagnostics());
    }

    @Test
    void checkFileErrorsExitWithTwo() {
        FileCheckResult empty = run("CHECK:\n", "x\n");
        assertEquals(2, empty.exitCode());
        assertEquals("""
                test.check:1:7: error: found empty check string with prefix 'CHECK:'
                CHECK:
                      ^
                """, empty.diagnostics());

        FileCheckResult next = run("CHECK-NEXT: a\n", "a\n");
        assertEquals("""
                test.check:1:1: error: found 'CHECK-NEXT' without previous 'CHECK: line
                CHECK-NEXT: a
                ^
                """, next.diagnostics());

        FileCheckResult regex = run("CHECK: {{a)}}\n", "a)\n");
        assertEquals("""
                test.check:1:10: error: invalid regex: parentheses not balanced
                CHECK: {{a)}}
                         ^
                """, regex.diagnostics());
    }

    @Test
    void numericParseErrorsEndWithBlankLine() {
        FileCheckResult r = run("CHECK: [[#X:]] [[#X+1]]\n", "5 6\n");
        assertEquals(2, r.exitCode());
        assertEquals("""
                test.check:1:19: error: numeric variable 'X' defined earlier in the same CHECK directive
                CHECK: [[#X:]] [[#X+1]]
                                  ^

                """, r.diagnostics());
    }

    @Test
    void prefixErrorsHaveNoLocation() {
        FileCheckResult r = FileCheck.run("A: a\n", "t", "a\n", FileCheckOptions.defaults().withCheckPrefixes("A", "B", "C"));
        assertEquals(2, r.exitCode());
        assertEquals("error: no check strings found with prefixes 'B:', 'C:'\n", r.diagnostics());

        FileCheckResult bad = FileCheck.run("A: a\n", "t", "a\n", FileCheckOptions.defaults().withCheckPrefixes("A.B"));
        assertEquals("error: supplied check prefix must start with a letter and contain only alphanumeric characters, "
                + "hyphens, and underscores: 'A.B'\n", bad.diagnostics());
    }

    @Test
    void emptyInput() {
        FileCheckResult r = run("CHECK: a\n", "");
        assertEquals(2, r.exitCode());
        assertEquals("FileCheck error: '<stdin>' is empty.\n", r.diagnostics());
    }

    @Test
    void implicitCheckNotIsLocatedOnTheCommandLine() {
        FileCheckResult r = FileCheck.run("CHECK: a\n", "t", "a\nfoo\n",
                FileCheckOptions.defaults().withImplicitCheckNot("foo"));
        assertEquals("""
                command line:1:22: error: IMPLICIT-CHECK-NOT: excluded string found in input
                -implicit-check-not='foo'
                                     ^
                <stdin>:2:1: note: found here
                foo
                ^~~
                """, r.diagnostics());
    }

    @Test
    void tabsAreExpandedInEchoedLinesAndCarets() {
        FileCheckResult r = FileCheck.run("CHECK:\tx\ty\n", "t", "\tx\tz\n",
                FileCheckOptions.defaults().withStrictWhitespace(true));
        assertEquals("""
                t:1:8: error: CHECK: expected string not found in input
                CHECK:  x       y
                        ^
                <stdin>:1:1: note: scanning from here
                        x       z
                ^^^^^^^^
                <stdin>:1:2: note: possible intended match here
                        x       z
                        ^
                """, r.diagnostics(), "a caret on a tab is repeated across the tab's width, as in LLVM");
    }

    @Test
    void countFailureSaysWhichRepetition() {
        FileCheckResult r = run("CHECK-COUNT-3: item\n", "item\nitem\n");
        assertTrue(r.diagnostics().startsWith(
                "test.check:1:16: error: CHECK-COUNT: expected string not found in input (3 out of 3)\n"),
                r.diagnostics());
    }

    @Test
    void nonAsciiLinesAreShownWithoutCaret() {
        FileCheckResult r = run("CHECK: wörld\n", "héllo\n");
        assertEquals("""
                test.check:1:8: error: CHECK: expected string not found in input
                CHECK: wörld
                <stdin>:1:1: note: scanning from here
                héllo
                """, r.diagnostics());
    }

    @Test
    void passingRunIsSilent() {
        FileCheckResult r = run("CHECK: a\nCHECK-NEXT: b\n", "a\nb\n");
        assertTrue(r.passed());
        assertEquals("", r.diagnostics());
    }
}
