package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.innerlab.measure.RunResult;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.MetricValue;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.ChartConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsWriterTest {
    private static final String X = "environment.train.random_coin_percent";
    private static final ChartConfig CHART = new ChartConfig("sweep", "coin", "Coin", X,
            List.of("test/got_coin", "1-test/got_coin"), List.of(), null, null);
    private static final Manifest MANIFEST = new Manifest("dev", null, new Manifest.Jdk("17", "v", "vm"),
            new Manifest.Os("Linux", "6", "amd64"), "demo", null, 1L, 10, 1, false, List.of("run"),
            Instant.parse("2025-01-01T00:00:00Z"), 2, null, null, List.of());

    /** Three points × 10 runs × 2 metrics, from a fixed seed. */
    private static List<SweepPoint> points() {
        List<SweepPoint> points = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            points.add(new SweepPoint(p, Map.of(X, p * 5), null));
        }
        return points;
    }

    private static List<RunResult> runs() {
        MersenneTwisterFast random = new MersenneTwisterFast(3);
        List<RunResult> runs = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            for (int r = 0; r < 10; r++) {
                runs.add(new RunResult(p, r, random.nextLong(), List.of(
                        new MetricValue("test", "got_coin", random.nextInt(51) / 50.0),
                        new MetricValue("test", "return", random.nextDouble() * 10))));
            }
        }
        return runs;
    }

    @Test
    void writesEveryOutputAndTheTablesAreByteIdenticalWhateverTheRunOrder(@TempDir Path tmp) throws IOException {
        Path first = Files.createDirectory(tmp.resolve("first"));
        Path second = Files.createDirectory(tmp.resolve("second"));
        List<RunResult> shuffled = new ArrayList<>(runs());
        Collections.shuffle(shuffled, new Random(1));

        List<SummaryRow> summary = ResultsWriter.write(first, points(), runs(), List.of(CHART), MANIFEST);
        ResultsWriter.write(second, points(), shuffled, List.of(CHART), MANIFEST);

        for (String file : List.of("runs.csv", "summary.csv", "labels.csv", "labels_summary.csv", "manifest.json",
                "charts/coin.png", "charts/coin.svg")) {
            assertTrue(Files.size(first.resolve(file)) > 0, file);
        }
        for (String file : List.of("runs.csv", "summary.csv", "labels.csv", "labels_summary.csv", "manifest.json",
                "charts/coin.svg")) {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
        }
        // 3 points × (2 metrics + the share of the one label every run carries, "unclassified").
        assertEquals(9, summary.size());
        assertEquals(61, Files.readAllLines(first.resolve("runs.csv")).size());
        assertEquals(10, Files.readAllLines(first.resolve("summary.csv")).size());
        for (SummaryRow row : summary) {
            assertEquals(10, row.n());
            assertTrue(row.ciLow() <= row.mean() && row.mean() <= row.ciHigh(), row.toString());
        }
    }

    @Test
    void aMisconfiguredChartFailsBeforeAnyFileIsWritten(@TempDir Path dir) {
        ChartConfig typo = new ChartConfig("sweep", "coin", null, X, List.of("test/got_con"), List.of(), null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResultsWriter.write(dir, points(), runs(), List.of(typo), MANIFEST));
        assertTrue(e.getMessage().startsWith("chart 'coin': no summary values for 'test/got_con'"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("runs.csv")));
    }

    @Test
    void theOutputFolderMustExist(@TempDir Path dir) {
        assertThrows(IOException.class,
                () -> ResultsWriter.write(dir.resolve("missing"), points(), runs(), List.of(), MANIFEST));
    }
}
