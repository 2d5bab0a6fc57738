package dev.dyad.filecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Checks our verdict on every corpus case against the verdict recorded in the case; needs no LLVM. */
class FileCheckCorpusTest {

    private static final List<CorpusCase> CASES = CorpusCase.load();

    @Test
    void corpusIsLargeAndHasBothVerdicts() {
        assertTrue(CASES.size() >= 60, "corpus has only " + CASES.size() + " cases");
        assertTrue(CASES.stream().anyMatch(CorpusCase::expectPass));
        assertTrue(CASES.stream().anyMatch(c -> !c.expectPass()));
    }

    @TestFactory
    Stream<DynamicTest> recordedVerdicts() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), c.checkFile().toUri(), () -> {
            CorpusCase.Outcome ours = c.runOurs();
            assertEquals(c.expectPass(), ours.passed(),
                    () -> c + ": expected " + (c.expectPass() ? "pass" : "fail") + ", diagnostics:\n" + ours.stderr());
        }));
    }
}
