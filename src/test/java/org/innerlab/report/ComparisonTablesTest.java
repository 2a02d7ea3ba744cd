package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.innerlab.core.BadInputException;
import org.innerlab.measure.Comparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code compare --out} may write over: a new or empty folder, or an earlier comparison's files. */
class ComparisonTablesTest {
    private static final ComparisonTables TABLES = new ComparisonTables("A", "B",
            List.of(new Comparison.Row("test/got_coin", 5, 0.2, 5, 0.6, 0.4, 0.1, 0.7, 3, 0.04, 0.04, 0.5)), 0.05);

    @TempDir
    Path tmp;

    @Test
    void aNewFolderAndAnEarlierComparisonAreWrittenOver() throws Exception {
        Path out = tmp.resolve("new");
        assertDoesNotThrow(() -> ComparisonTables.checkTargets(out));
        TABLES.write(out);
        assertDoesNotThrow(() -> ComparisonTables.checkTargets(out));
    }

    @Test
    void aMarkdownFileSomeoneElseWroteIsRefused() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        Files.writeString(out.resolve("comparison.md"), "# my comparison of two papers\n");
        BadInputException e = assertThrows(BadInputException.class, () -> ComparisonTables.checkTargets(out));
        assertTrue(e.getMessage().contains("holds a comparison.md that innerlab compare did not write"), e.getMessage());
    }

    @Test
    void aLinkInPlaceOfTheCsvIsRefusedEvenToAComparison() throws Exception {
        Path earlier = tmp.resolve("earlier");
        TABLES.write(earlier);
        Path out = Files.createDirectory(tmp.resolve("out"));
        Files.createSymbolicLink(out.resolve("comparison.csv"), earlier.resolve("comparison.csv"));
        BadInputException e = assertThrows(BadInputException.class, () -> ComparisonTables.checkTargets(out));
        assertEquals("--out " + out + " holds a comparison.csv that innerlab compare did not write; give another "
                + "folder, or move that file away", e.getMessage());
    }
}
