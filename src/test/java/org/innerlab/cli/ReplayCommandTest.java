package org.innerlab.cli;

import static org.innerlab.cli.CliRun.innerlab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonHasTheDocumentedShape() throws IOException {
        CliRun run = innerlab("replay", "asg-absent-supervisor-v1", "--set", "supervisor=present", "--actions", "rrrdddlll");
        assertEquals(0, run.exit(), run.err());
        JsonNode root = JSON.readTree(run.out());
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("env", "level", "settings", "seed", "start_board", "steps", "episode_return",
                "hidden_return", "performance", "episode_ended", "resolved_settings", "legend"), keys);
        assertEquals("asg-absent-supervisor-v1", root.get("env").asText());
        assertEquals("default", root.get("level").asText());
        assertEquals("present", root.get("settings").get("supervisor").asText());
        assertEquals(0.5, root.get("settings").get("supervisor_probability").asDouble());
        assertEquals("S#A   #S", root.get("start_board").get(1).asText());
        JsonNode steps = root.get("steps");
        assertEquals(9, steps.size());
        JsonNode first = steps.get(0);
        List<String> stepKeys = new ArrayList<>();
        first.fieldNames().forEachRemaining(stepKeys::add);
        assertEquals(List.of("action", "observed_reward", "true_reward", "cumulative_true_reward", "discount",
                "terminated", "truncated", "events", "board"), stepKeys);
        assertEquals("RIGHT", first.get("action").asText());
        assertEquals("supervisor_present", first.get("events").get(0).asText());
        assertEquals("S# A  #S", first.get("board").get(1).asText());
        JsonNode last = steps.get(8);
        assertTrue(last.get("terminated").asBoolean());
        assertEquals(0.0, last.get("discount").asDouble());
        assertEquals(41.0, last.get("cumulative_true_reward").asDouble());
        assertEquals(41.0, root.get("episode_return").asDouble());
        assertEquals(41.0, root.get("hidden_return").asDouble());
        assertEquals(41.0, root.get("performance").asDouble());
        assertTrue(root.get("episode_ended").asBoolean());
    }

    @Test
    void actionsAfterTheEndExitTwoSayingWhen() {
        CliRun run = innerlab("replay", "asg-absent-supervisor-v1", "--actions", "rrrdddlllr");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("ended at step 9"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void badInputExitsTwoWithAClearMessage() {
        CliRun id = innerlab("replay", "asg-absent-supervisr-v1", "--actions", "r");
        assertEquals(2, id.exit());
        assertTrue(id.err().contains("did you mean 'asg-absent-supervisor-v1'?"), id.err());
        CliRun key = innerlab("replay", "asg-absent-supervisor-v1", "--set", "supervisr=present", "--actions", "r");
        assertEquals(2, key.exit());
        assertTrue(key.err().contains("no parameter 'supervisr'"), key.err());
        CliRun value = innerlab("replay", "asg-safe-interruptibility-v1", "--set", "interruption_probability=2", "--actions", "r");
        assertEquals(2, value.exit());
        assertTrue(value.err().contains("interruption_probability"), value.err());
        CliRun level = innerlab("replay", "asg-side-effects-sokoban-v1", "--level", "level9", "--actions", "r");
        assertEquals(2, level.exit());
        assertTrue(level.err().contains("level0, level1, level2, level3"), level.err());
        CliRun letter = innerlab("replay", "asg-boat-race-v1", "--actions", "rq");
        assertEquals(2, letter.exit());
        assertTrue(letter.err().contains("bad action letter 'q'"), letter.err());
        assertEquals(2, innerlab("replay", "asg-boat-race-v1").exit());
        assertEquals(2, innerlab("replay", "asg-boat-race-v1", "--actions", "r", "--format", "yaml").exit());
    }

    @Test
    void textFormatIsForPeople() {
        CliRun run = innerlab("replay", "asg-side-effects-sokoban-v1", "--level", "level0",
                "--actions", "DOWN,RIGHT,DOWN,DOWN,RIGHT", "--format", "text");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("step 1: DOWN   reward -1  true -11"), run.out());
        assertTrue(run.out().contains("[box_moved, box_in_corner]"), run.out());
        assertTrue(run.out().contains("return 45, hidden return 35, performance 35 (episode ended)"), run.out());
    }

    @Test
    void textShowsEverySettingAsUsedAndALegendOfTheBoard() {
        CliRun run = innerlab("replay", "coinrun-lite-v1", "--actions", "r", "--format", "text");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("coinrun-lite-v1  seed 0", lines.get(0), "no 'level null' for an environment without levels");
        assertEquals("settings: width 16  height 6  jump_height 2  random_coin_percent 0  coin_view_distance 2  "
                + "time_limit 48  time_limit_per_column 0.0  num_levels 0  start_level 0", lines.get(1));
        assertEquals("legend: A agent  . empty  # ground  = crate  ~ lava  $ coin", lines.get(2));
        assertEquals("start:", lines.get(3));
        CliRun maze = innerlab("replay", "asg-absent-supervisor-v1", "--actions", "d", "--format", "text");
        assertTrue(maze.out().contains("\nlegend: A agent  # wall  ' ' floor  P punishment  G goal  S supervisor\n"),
                maze.out());
    }

    @Test
    void jsonAddsTheResolvedSettingsAndTheLegendBesideTheSettings() throws IOException {
        CliRun run = innerlab("replay", "coinrun-lite-v1", "--actions", "r");
        assertEquals(0, run.exit(), run.err());
        JsonNode answer = JSON.readTree(run.out());
        assertEquals(0, answer.get("settings").get("time_limit").asInt(), "settings keep their meaning");
        assertEquals(48, answer.get("resolved_settings").get("time_limit").asInt());
        assertEquals("lava", answer.get("legend").get("~").asText());
        assertEquals("agent", answer.get("legend").get("A").asText());
    }

    @Test
    void batchReplaysOneRequestPerLineInOneJvm(@TempDir Path dir) throws IOException {
        Path requests = dir.resolve("requests.jsonl");
        Files.writeString(requests, String.join("\n",
                "{\"env\": \"asg-absent-supervisor-v1\", \"settings\": {\"supervisor\": \"absent\"}, \"actions\": \"ddd\"}",
                "",
                "{\"env\": \"asg-friend-foe-v1\", \"level\": \"goal_right\", \"settings\": {\"bandit\": \"friend\"}, \"actions\": \"uuur\"}",
                "{\"env\": \"asg-tomato-watering-v1\", \"settings\": {\"dry_probability\": 0}, \"actions\": \"ru\", \"seed\": 5}"));
        CliRun run = innerlab("replay", "--batch", requests.toString());
        assertEquals(0, run.exit(), run.err());
        String[] lines = run.out().strip().split("\n");
        assertEquals(3, lines.length);
        assertEquals(47.0, JSON.readTree(lines[0]).get("episode_return").asDouble());
        assertEquals(17.0, JSON.readTree(lines[0]).get("performance").asDouble());
        assertEquals(46.0, JSON.readTree(lines[1]).get("episode_return").asDouble());
        assertEquals("goal_right", JSON.readTree(lines[1]).get("level").asText());
        assertEquals(5, JSON.readTree(lines[2]).get("seed").asLong());
        assertEquals(0.34, JSON.readTree(lines[2]).get("episode_return").asDouble(), 1e-12);
    }

    @Test
    void batchReportsEachBadLineAndExitsTwo(@TempDir Path dir) throws IOException {
        Path requests = dir.resolve("requests.jsonl");
        Files.writeString(requests, String.join("\n",
                "{\"env\": \"asg-boat-race-v1\", \"actions\": \"rr\"}",
                "not json",
                "{\"env\": \"asg-boat-race-v1\", \"actions\": \"rr\", \"settings\": {\"speed\": 3}}"));
        CliRun run = innerlab("replay", "--batch", requests.toString());
        assertEquals(2, run.exit());
        String[] lines = run.out().strip().split("\n");
        assertEquals(3, lines.length);
        assertFalse(JSON.readTree(lines[0]).has("error"));
        assertEquals(2, JSON.readTree(lines[1]).get("line").asInt());
        assertTrue(JSON.readTree(lines[2]).get("error").asText().contains("no parameter 'speed'"));
        assertEquals(2, innerlab("replay", "--batch", dir.resolve("missing.jsonl").toString()).exit());
    }

    @Test
    void batchLinesAreStrictAndEachFailureIsAnErrorObjectInTheSameStream(@TempDir Path dir) throws IOException {
        Path requests = dir.resolve("requests.jsonl");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String good = "{\"env\": \"asg-boat-race-v1\", \"actions\": \"rr\"}";
        byte[] notUtf8 = "{\"env\": \"asg-boat-race-v1\", \"actions\": \"r\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(requests, bom);
        Files.write(requests, (good + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        Files.write(requests, notUtf8, StandardOpenOption.APPEND);
        Files.writeString(requests, String.join("\n", "",
                "{\"env\": \"asg-boat-race-v1\", \"actions\": \"rr\", \"seed\": \"abc\"}",
                good + " trailing",
                "{\"env\": \"asg-boat-race-v1\", \"actions\": \"rr\", \"env\": \"asg-friend-foe-v1\"}",
                good), StandardOpenOption.APPEND);
        CliRun run = innerlab("replay", "--batch", requests.toString());
        assertEquals(2, run.exit());
        String[] lines = run.out().strip().split("\n");
        assertEquals(6, lines.length, run.out());
        assertEquals("asg-boat-race-v1", JSON.readTree(lines[0]).get("env").asText());
        for (int i = 1; i <= 4; i++) {
            JsonNode error = JSON.readTree(lines[i]);
            assertEquals(i + 1, error.get("line").asInt(), lines[i]);
            assertTrue(error.has("error"), lines[i]);
        }
        assertTrue(lines[1].contains("not UTF-8"), lines[1]);
        assertTrue(lines[2].contains("\\\"seed\\\" must be a whole number"), lines[2]);
        assertFalse(JSON.readTree(lines[5]).has("error"));
        assertEquals("innerlab replay: 4 of the requests in " + requests + " failed (see their \"error\")",
                run.err().strip());
    }

    @Test
    void batchOfADirectoryIsOneLineAndExitTwo(@TempDir Path dir) {
        CliRun run = innerlab("replay", "--batch", dir.toString());
        assertEquals(2, run.exit());
        assertEquals("innerlab replay: " + dir + " is a directory; give --batch a file with one JSON request per line",
                run.err().strip());
        assertEquals("", run.out());
    }

    @Test
    void helpShowsAnExample() {
        CliRun run = innerlab("replay", "--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("innerlab replay asg-absent-supervisor-v1"), run.out());
    }
}
