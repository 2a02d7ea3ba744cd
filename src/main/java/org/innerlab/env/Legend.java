package org.innerlab.env;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The symbols an environment's hand-drawn layout ({@code environment.params.layout}) may use, and
 * what makes a drawing playable: the cells of which it needs exactly one (the agent), the goals it
 * needs at least one of, each reachable from the agent, the board's size limits, and the rules of the
 * game's own that those cannot say ({@link Rule}). An
 * environment declares one in its {@link EnvSpec} ({@link EnvSpec#withLegend}), so scenario
 * validation, {@code innerlab describe} and the reference pages read the same declaration the
 * environment parses with.
 *
 * <p>Reachability is a breadth-first search from the agent through 4-neighbour moves into passable
 * cells: a necessary condition in every grid world here (an environment with richer movement, such
 * as CoinRun-lite's jumps, checks the rest itself).
 *
 * @param symbols   every symbol with its cell name and meaning, in the order {@code describe} prints
 * @param agent     the symbol the drawing must hold exactly once, where the agent starts
 * @param goals     symbols of which the drawing must hold at least one, each reachable from the agent
 * @param unique    further symbols the drawing may hold at most once, reachable when drawn (CoinRun-lite's
 *                  coin, the conveyor belt's goal)
 * @param required  further symbols the drawing must hold exactly once, reachable from the agent: a
 *                  game's own piece (safe interruptibility's interruption cell, the whisky)
 * @param reachable further symbols the drawing may hold any number of, each reachable from the agent:
 *                  pieces the game needs the agent to be able to take (Keys &amp; Chests' keys, monster
 *                  world's apples)
 * @param enclosed  whether no cell the agent can reach may lie on the board's edge (for worlds whose moves
 *                  rely on walls to stop at the edge, as the safety gridworlds' do)
 * @param minWidth  fewest columns
 * @param minHeight fewest rows
 * @param maxWidth  most columns
 * @param maxHeight most rows
 * @param rules     a game's own rules, checked after the ones above, in order
 */
public record Legend(List<Symbol> symbols, char agent, String goals, String unique, String required,
                     String reachable, boolean enclosed, int minWidth, int minHeight, int maxWidth, int maxHeight,
                     List<Rule> rules) {

    /**
     * One symbol of a layout.
     *
     * @param glyph    the character drawn
     * @param name     the cell it makes, as the board and {@code replay} name it
     * @param passable whether the agent can walk onto it
     * @param meaning  one line for {@code describe}
     */
    public record Symbol(char glyph, String name, boolean passable, String meaning) {
    }

    /**
     * A rule of one game that the counts and reachability above cannot say (the conveyor belt's object
     * starts on the belt; the bandit has two boxes).
     *
     * @param text  the rule in words, for {@code describe}
     * @param check given rows that keep every other rule of the legend, throws a {@link LayoutException}
     *              at the first cell that breaks this one
     */
    public record Rule(String text, Consumer<String[]> check) {
        public Rule {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(check, "check");
        }
    }

    /** The parameter name every environment with a legend reads its drawing from. */
    public static final String PARAMETER = "layout";

    public Legend {
        symbols = List.copyOf(symbols);
        rules = List.copyOf(rules);
        Objects.requireNonNull(goals, "goals");
        Objects.requireNonNull(unique, "unique");
        Objects.requireNonNull(required, "required");
        Objects.requireNonNull(reachable, "reachable");
        StringBuilder glyphs = new StringBuilder();
        symbols.forEach(s -> glyphs.append(s.glyph()));
        for (char g : (agent + goals + unique + required + reachable).toCharArray()) {
            if (glyphs.indexOf(String.valueOf(g)) < 0) {
                throw new IllegalArgumentException("'" + g + "' is not one of the symbols " + glyphs);
            }
        }
        if (minWidth < 1 || minHeight < 1 || maxWidth < minWidth || maxHeight < minHeight) {
            throw new IllegalArgumentException("size limits " + minWidth + "x" + minHeight + ".." + maxWidth + "x"
                    + maxHeight + " are empty");
        }
    }

    /** A legend without rules of a game's own. */
    public Legend(List<Symbol> symbols, char agent, String goals, String unique, String required, String reachable,
                  boolean enclosed, int minWidth, int minHeight, int maxWidth, int maxHeight) {
        this(symbols, agent, goals, unique, required, reachable, enclosed, minWidth, minHeight, maxWidth, maxHeight,
                List.of());
    }

    /** A legend without rules of a game's own or further pieces that must be reachable wherever drawn. */
    public Legend(List<Symbol> symbols, char agent, String goals, String unique, String required, boolean enclosed,
                  int minWidth, int minHeight, int maxWidth, int maxHeight) {
        this(symbols, agent, goals, unique, required, "", enclosed, minWidth, minHeight, maxWidth, maxHeight);
    }

    /** A legend without pieces of which a drawing needs exactly one besides the agent. */
    public Legend(List<Symbol> symbols, char agent, String goals, String unique, boolean enclosed,
                  int minWidth, int minHeight, int maxWidth, int maxHeight) {
        this(symbols, agent, goals, unique, "", enclosed, minWidth, minHeight, maxWidth, maxHeight);
    }

    /** A copy that also checks {@code more}, after the rules it has. */
    public Legend withRules(Rule... more) {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(List.of(more));
        return new Legend(symbols, agent, goals, unique, required, reachable, enclosed, minWidth, minHeight,
                maxWidth, maxHeight, all);
    }

    /** The symbol drawn as {@code glyph}, or null. */
    public Symbol symbol(char glyph) {
        for (Symbol s : symbols) {
            if (s.glyph() == glyph) {
                return s;
            }
        }
        return null;
    }

    /**
     * The legend as one line per symbol ({@code 'G' goal: +50; ends the episode}), then the rules a
     * drawing must keep, for {@code describe} and the reference.
     */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Symbol s : symbols) {
            out.add(quoted(s.glyph()) + " " + s.name() + ": " + s.meaning());
        }
        StringBuilder exactlyOne = new StringBuilder(quoted(agent));
        required.chars().forEach(c -> exactlyOne.append(" and one ").append(quoted((char) c)));
        out.add("exactly one " + exactlyOne + (goals.isEmpty() ? "" : ", at least one " + quotedAll(goals)
                + " reachable from it") + (reachable.isEmpty() ? "" : ", every " + quotedEach(reachable)
                + " reachable from it") + (unique.isEmpty() ? "" : ", at most one " + quotedAll(unique)
                + (unique.chars().allMatch(c -> goals.indexOf(c) >= 0) ? "" : " (reachable when drawn)"))
                + (enclosed ? ", walled in" : "") + "; " + limits());
        rules.forEach(r -> out.add(r.text()));
        return out;
    }

    /** The size limits in words, for errors and documentation. */
    public String limits() {
        return minWidth + " to " + maxWidth + " columns and " + minHeight + " to " + maxHeight + " rows";
    }

    /**
     * The rows of {@code drawing} once checked against this legend: one row per line (a final line
     * break is dropped, as a YAML block scalar ends with one), every row as wide as the first, within
     * the size limits, every character a symbol, exactly one agent and one of each required piece, at
     * least one goal, every goal, required and unique piece and piece of {@link #reachable} within reach, then
     * the game's own {@link #rules}.
     *
     * @throws LayoutException at the first row and column (0-based) that is wrong
     */
    public String[] rows(String drawing) {
        String text = drawing.endsWith("\n") ? drawing.substring(0, drawing.length() - 1) : drawing;
        String[] rows = text.split("\n", -1);
        int width = rows[0].length();
        for (int y = 0; y < rows.length; y++) {
            if (rows[y].length() != width) {
                int at = Math.min(rows[y].length(), width);
                throw new LayoutException(y, at, "row " + (y + 1) + " has " + rows[y].length() + " symbols but row 1 has "
                        + width, "draw every row as wide as the first (trailing spaces count)");
            }
        }
        if (width < minWidth || width > maxWidth || rows.length < minHeight || rows.length > maxHeight) {
            boolean wide = width < minWidth || width > maxWidth;
            throw new LayoutException(wide ? 0 : Math.min(rows.length, maxHeight), wide ? Math.min(width, maxWidth) : 0,
                    "the layout is " + width + " columns by " + rows.length + " rows",
                    "draw " + limits());
        }
        String once = agent + unique + required;
        int[] firstAt = new int[once.length()];
        Arrays.fill(firstAt, -1);
        int goalCount = 0;
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < width; x++) {
                char c = rows[y].charAt(x);
                if (symbol(c) == null) {
                    throw new LayoutException(y, x, "unknown symbol " + quoted(c), suggestion(c));
                }
                int u = once.indexOf(c);
                if (u >= 0 && firstAt[u] >= 0) {
                    throw new LayoutException(y, x, "a second " + symbol(c).name() + " " + quoted(c)
                            + " (the first is at row " + (firstAt[u] / width + 1) + ", column "
                            + (firstAt[u] % width + 1) + ")", (c == agent || required.indexOf(c) >= 0 ? "draw exactly one " : "draw at most one ")
                            + quoted(c));
                }
                if (u >= 0) {
                    firstAt[u] = y * width + x;
                }
                if (goals.indexOf(c) >= 0) {
                    goalCount++;
                }
            }
        }
        int agentAt = firstAt[0];
        if (agentAt < 0) {
            throw new LayoutException(0, 0, "no agent '" + agent + "'", "draw exactly one '" + agent
                    + "' where the agent starts");
        }
        for (int u = 1 + unique.length(); u < once.length(); u++) {
            if (firstAt[u] < 0) {
                char c = once.charAt(u);
                throw new LayoutException(0, 0, "no " + symbol(c).name() + " " + quoted(c), "draw exactly one");
            }
        }
        if (goalCount == 0 && !goals.isEmpty()) {
            throw new LayoutException(0, 0, "no goal (" + quotedAll(goals) + ")", "draw at least one");
        }
        checkReachable(rows, width, agentAt);
        rules.forEach(r -> r.check().accept(rows));
        return rows;
    }

    private void checkReachable(String[] rows, int width, int start) {
        boolean[] seen = new boolean[width * rows.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        seen[start] = true;
        queue.add(start);
        int[] dx = {0, 0, -1, 1};
        int[] dy = {-1, 1, 0, 0};
        while (!queue.isEmpty()) {
            int at = queue.poll();
            for (int d = 0; d < 4; d++) {
                int x = at % width + dx[d];
                int y = at / width + dy[d];
                if (x >= 0 && y >= 0 && x < width && y < rows.length && !seen[y * width + x]
                        && symbol(rows[y].charAt(x)).passable()) {
                    seen[y * width + x] = true;
                    queue.add(y * width + x);
                }
            }
        }
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < width; x++) {
                boolean edge = x == 0 || y == 0 || x == width - 1 || y == rows.length - 1;
                if (enclosed && edge && seen[y * width + x]) {
                    throw new LayoutException(y, x, "the agent can walk to the edge of the board here",
                            "surround the cells it can reach with " + blockingGlyphs());
                }
            }
        }
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < width; x++) {
                char c = rows[y].charAt(x);
                if ((goals.indexOf(c) >= 0 || required.indexOf(c) >= 0 || unique.indexOf(c) >= 0
                        || reachable.indexOf(c) >= 0)
                        && !seen[y * width + x]) {
                    throw new LayoutException(y, x, "the " + symbol(c).name() + " " + quoted(c)
                            + " cannot be reached from the agent", "open a path of passable cells ("
                            + passableGlyphs() + ") to it");
                }
            }
        }
    }

    /** A glyph of the same letter in the other case, else the whole legend. */
    private String suggestion(char c) {
        for (Symbol s : symbols) {
            if (Character.toLowerCase(s.glyph()) == Character.toLowerCase(c)) {
                return "did you mean '" + s.glyph() + "' (" + s.name() + ")?";
            }
        }
        List<String> known = new ArrayList<>();
        symbols.forEach(s -> known.add(quoted(s.glyph()) + " " + s.name()));
        return "the symbols are " + String.join(", ", known);
    }

    private String passableGlyphs() {
        StringBuilder sb = new StringBuilder();
        for (Symbol s : symbols) {
            if (s.passable() && s.glyph() != agent) {
                sb.append(sb.length() == 0 ? "" : " ").append(quoted(s.glyph()));
            }
        }
        return sb.toString();
    }

    private String blockingGlyphs() {
        List<String> q = new ArrayList<>();
        symbols.stream().filter(s -> !s.passable()).forEach(s -> q.add(quoted(s.glyph()) + " (" + s.name() + ")"));
        return String.join(" or ", q);
    }

    private static String quotedAll(String glyphs) {
        List<String> q = new ArrayList<>();
        glyphs.chars().forEach(c -> q.add(quoted((char) c)));
        return String.join(" or ", q);
    }

    /** {@code 'a', 's' and 'M'}: each of {@code glyphs}, quoted. */
    private static String quotedEach(String glyphs) {
        List<String> q = new ArrayList<>();
        glyphs.chars().forEach(c -> q.add(quoted((char) c)));
        int last = q.size() - 1;
        return last == 0 ? q.get(0) : String.join(", ", q.subList(0, last)) + " and " + q.get(last);
    }

    /** A glyph as an error quotes it: a tab or other invisible character by its escape. */
    static String quoted(char c) {
        if (c == '\t') {
            return "'\\t' (a tab)";
        }
        if (Character.isISOControl(c) || Character.isWhitespace(c) && c != ' ') {
            return String.format(Locale.ROOT, "'\\u%04x'", (int) c);
        }
        return "'" + c + "'";
    }
}
