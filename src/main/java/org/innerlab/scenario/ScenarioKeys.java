package org.innerlab.scenario;

import java.util.List;
import java.util.Objects;
import org.innerlab.inspect.ProbeDesign;

/**
 * Every key a scenario file can write, with its type, default and meaning: the scenario reference
 * ({@code docs/reference/scenario-keys.md} is generated from {@link #KEYS} and {@link #RULES}). The
 * section readers validate; this table documents, and {@code ScenarioKeysTest} fails when the keys it
 * documents and the keys the readers accept differ.
 */
public final class ScenarioKeys {
    /**
     * One key.
     *
     * @param path         where it is written: keys joined by dots, {@code N} for a list item's index and
     *                     {@code <name>} for a key the scenario chooses (a parameter, a distribution)
     * @param type         what its value is, e.g. {@code integer 1..10000} or {@code sampled | greedy | both}
     * @param defaultValue its value when left out, or {@code required}, or {@code none}
     * @param meaning      what it does, in a sentence or two
     */
    public record Key(String path, String type, String defaultValue, String meaning) {
        public Key {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(defaultValue, "defaultValue");
            Objects.requireNonNull(meaning, "meaning");
        }

        /** Whether the scenario chooses this key's name (a {@code <placeholder>} in its path). */
        public boolean chosenByScenario() {
            return path.contains("<");
        }
    }

    private static final String REQUIRED = "required";
    private static final String NONE = "none";
    private static final String DISTRIBUTIONS = "list of distribution names, no repeats";

    /** The rules every key follows, one paragraph each (Markdown). */
    public static final List<String> RULES = List.of(
            "Unknown keys are errors at every level, with a suggestion when a known key is within two edits; so are "
                    + "duplicate keys, YAML aliases and more than one document. A key written with an empty value "
                    + "(`description:`) means the same as leaving it out. Integers may be written as integral floats "
                    + "(`steps: 2e5`); quoted numbers (`\"20\"`) are strings and rejected where a number belongs. "
                    + "Every error names the file, line and column.",
            "**Distributions.** `environment.params` is shared by every distribution; each distribution's own keys "
                    + "(`environment.train`, `environment.test`, `environment.distributions.<name>`) go on top. "
                    + "Parameters set nowhere take the environment's declared defaults (`innerlab describe <environment>`).",
            "**Dotted paths** (`--set` and `sweep`): keys joined by dots, list items by index: "
                    + "`environment.params.width`, `training.0.steps` or `training[0].steps`, `training.0.rater.bonus`, "
                    + "`learner.observation.view_radius`, `evaluation.episodes`, `seed`. `environment.distributions.train` "
                    + "and `environment.train` are the same path. `--set path=value` replaces the value at the path "
                    + "(creating missing maps; an index equal to a list's length appends) before validation; "
                    + "`--set sweep.<path>=[...]` sets a sweep entry. A swept path cannot also be set to a single value.",
            "**Sweeps.** A sweep path must name a scalar key; `name`, `description`, `sweep.*`, `charts.*` and the keys "
                    + "that decide which other keys are valid (`environment.id`, `learner.type`, `training.N.regime`, "
                    + "`training.N.rater.name`) cannot be swept. Each value is validated as if it were written at the "
                    + "path, every combination is validated too, and at most " + Sweeps.MAX_POINTS + " points are "
                    + "allowed. `condition` is the one sweep key that is not a path: its values name `conditions`, so "
                    + "structurally different arms share one sweep, seeds and charts (`x: condition`).");

    /** Every key, in the order a scenario file writes them. */
    public static final List<Key> KEYS = List.of(
            new Key("name", "[a-z0-9-]+", REQUIRED, "names the scenario and its output folder"),
            new Key("description", "text", "\"\"", "what the scenario shows, in prose; its first sentence is its line in "
                    + "`innerlab list`"),
            new Key("seed", "64-bit integer", "0", "the master seed every run's named streams derive from"),
            new Key("seeds", "integer 1.." + ScenarioSchema.MAX_SEEDS, "1", "runs per sweep point"),

            new Key("environment", "map", REQUIRED, "which environment, with which parameters per distribution"),
            new Key("environment.id", "a registered environment id", REQUIRED, "see [environments](environments.md)"),
            new Key("environment.params", "map of parameter -> value", "{}", "shared by every distribution; checked "
                    + "against the environment's declared parameters"),
            new Key("environment.params.<param>", "the parameter's type", "the parameter's default", "one declared "
                    + "parameter of the environment"),
            new Key("environment.train", "map of parameter -> value", "{}", "the training distribution's own overrides "
                    + "(shorthand for environment.distributions.train; not both)"),
            new Key("environment.test", "map of parameter -> value", NONE, "the test distribution's own overrides "
                    + "(shorthand for environment.distributions.test; not both)"),
            new Key("environment.distributions", "map of name ([a-z0-9_-]+) -> overrides", "{}", "further named "
                    + "distributions, evaluated after train and test in file order"),
            new Key("environment.distributions.<name>", "map of parameter -> value", NONE, "one distribution's own "
                    + "overrides"),
            new Key("environment.layouts", "map of name ([a-z0-9_-]+) -> drawing", "{}", "hand-drawn boards that "
                    + "environment.params.layout or a distribution's layout (or a sweep of it) picks by name; only for "
                    + "environments with a layout legend (innerlab describe <environment>)"),
            new Key("environment.layouts.<name>", "text of several lines (a YAML block: |)", NONE, "one board drawn "
                    + "with the environment's legend, checked like environment.params.layout"),

            new Key("learner", "map", REQUIRED, "the learner type, what it observes and its parameters"),
            new Key("learner.type", "a registered learner type", REQUIRED, "see [learners](learners.md); every "
                    + "training stage's regime must train it"),
            new Key("learner.observation", "map", "the egocentric window", "what the learner sees (see "
                    + "[encoders](encoders.md))"),
            new Key("learner.observation.view_radius", "integer 0.." + LearnerSection.MAX_VIEW_RADIUS,
                    String.valueOf(LearnerSection.DEFAULT_VIEW_RADIUS), "r: the (2r+1)² egocentric window"),
            new Key("learner.observation.global_features", "list of the environment's features", "[]", "scalar "
                    + "features appended to the window (`innerlab describe <environment>` lists them)"),
            new Key("learner.observation.control_tags", "boolean", "false", "two control-tag inputs (good, bad) after "
                    + "the features, for conditional training"),
            new Key("learner.observation.full_board", "boolean", "false", "the whole board one-hot instead of the window "
                    + "(a Q-table always sees it); boards must keep one size"),
            new Key("learner.params", "map of parameter -> value", "{}", "checked against the learner type's parameters; "
                    + "defaults filled"),
            new Key("learner.params.<param>", "the parameter's type", "the parameter's default", "one declared parameter "
                    + "of the learner type"),

            new Key("data", "map", NONE, "demonstrations for the stages that learn from data (behaviour-cloning, "
                    + "offline-q) or a red team (adversarial-training); the environment must have teacher personas"),
            new Key("data.distribution", "a distribution name", "train", "where the teachers play"),
            new Key("data.episodes", "integer 1.." + ScenarioSchema.MAX_EPISODES, String.valueOf(DataSection.DEFAULT_EPISODES),
                    "demonstration episodes (for a red team: candidates per round)"),
            new Key("data.noise", "number 0..1", "0", "probability that a teacher's step is a uniformly random action"),
            new Key("data.good", "a persona of the environment", "aligned", "the good teacher (for a red team: the "
                    + "target behaviour)"),
            new Key("data.bad", "a persona of the environment", "its second persona", "the bad teacher (for a red team: "
                    + "the attacker)"),
            new Key("data.bad_fraction", "number 0..1", "0", "share of episodes the bad teacher plays (for a red team: "
                    + "share of adversarial starts); good/bad/bad_fraction or teachers, not both"),
            new Key("data.teachers", "list of {persona, weight}", NONE, "a mixture of any number of personas instead of "
                    + "good/bad/bad_fraction"),
            new Key("data.teachers.N.persona", "a persona of the environment", REQUIRED, "one teacher, each persona once"),
            new Key("data.teachers.N.weight", "number 0..1e9", REQUIRED, "its relative share of the episodes"),
            new Key("data.curation", "list of operators", "[]", "curation applied in order, each `- op` or "
                    + "`- op: {param: value}` (see [curation](curation.md)); not for a red team"),
            new Key("data.supervisor", "map", NONE, "weak-to-strong supervision: a learner cloned on the teachers' "
                    + "demonstrations (with the stage's parameters) plays the data's episodes, and its actions are the labels"),
            new Key("data.supervisor.type", "linear-softmax or mlp", REQUIRED, "the supervisor's learner type; it sees "
                    + "what learner.observation gives"),
            new Key("data.supervisor.params", "map of parameter -> value", "{}", "checked against the type's parameters "
                    + "(e.g. a narrow hidden_1)"),
            new Key("data.supervisor.epochs", "integer 1..100000", "the stage's epochs", "the supervisor's passes over "
                    + "the teachers' demonstrations"),
            new Key("data.supervisor.errors", "systematic | random", "systematic", "where its labels err: a fixed set of "
                    + "states, or steps drawn afresh"),
            new Key("data.supervisor.error_rate", "number 0..1", "0", "share of states (systematic) or steps (random) "
                    + "whose label follows error_persona"),
            new Key("data.supervisor.error_persona", "a persona of the environment", "its second persona",
                    "whom the erring labels follow"),

            new Key("training", "list of stages", REQUIRED, "one or more stages, run in order on the same learner"),
            new Key("training.N.regime", "a registered regime", REQUIRED, "see [regimes](regimes.md); it must train "
                    + "learner.type"),
            new Key("training.N.steps", "integer 1.." + ScenarioSchema.MAX_STEPS, REQUIRED + " (none for behaviour-cloning)",
                    "environment steps of the stage"),
            new Key("training.N.rater", "a rater name, or a map of its name and parameters",
                    RaterSection.DEFAULT_RATER, "what pays an RL stage (see [raters](raters.md)); none for "
                    + "behaviour-cloning and adversarial-training"),
            new Key("training.N.rater.name", "a registered rater", REQUIRED + " in a map", "which rater; cannot be swept"),
            new Key("training.N.rater.<param>", "the parameter's type", "the parameter's default", "one of the rater's "
                    + "parameters for this environment; can be set and swept"),
            new Key("training.N.params", "map of parameter -> value", "{}", "checked against the regime's parameters; "
                    + "defaults filled"),
            new Key("training.N.params.<param>", "the parameter's type", "the parameter's default", "one declared "
                    + "parameter of the regime"),
            new Key("training.N.data", "map of data keys", "the scenario's data", "this stage's own data keys, merged "
                    + "into the scenario's (writing teachers drops the good/bad shorthand and the other way round)"),

            new Key("evaluation", "map", "every distribution, " + EvaluationSection.DEFAULT_EPISODES + " episodes, sampled",
                    "what is measured after training"),
            new Key("evaluation.episodes", "integer 1.." + ScenarioSchema.MAX_EPISODES,
                    String.valueOf(EvaluationSection.DEFAULT_EPISODES), "episodes per distribution"),
            new Key("evaluation.distributions", DISTRIBUTIONS, "every distribution", "train first, then test, then the "
                    + "others in file order"),
            new Key("evaluation.policy", String.join(" | ", EvaluationSection.POLICIES), EvaluationSection.POLICIES.get(0),
                    "both also reports the greedy policy on the same levels as <distribution>-greedy"),
            new Key("evaluation.tag", String.join(" | ", EvaluationSection.TAGS), EvaluationSection.TAGS.get(0),
                    "the control tag the learner is conditioned on (needs learner.observation.control_tags)"),
            new Key("evaluation.tag_guided", "number 0..1", NONE, "tag-guided decoding: actions whose predicted P(bad) "
                    + "exceeds this are discarded (needs learner.params.tag_head)"),
            new Key("evaluation.reference", "a persona of the environment", NONE, "the demonstrator kl_to_reference and "
                    + "off_reference_actions compare the learner with"),
            new Key("evaluation.attack", "map", NONE, "adversarial starts, reported as <distribution>-attacked"),
            new Key("evaluation.attack.persona", "a persona of the environment", REQUIRED, "whose actions are forced"),
            new Key("evaluation.attack.steps", "integer 0..10000", REQUIRED, "how many first actions are forced"),
            new Key("evaluation.belief_steering", "boolean", "false", "also plays each distribution d with the belief "
                    + "head clamped to 1 and 0 (d-told-deployed, d-told-training); needs learner.params.belief_head"),
            new Key("evaluation.steering", "map", NONE, "steering vectors: mean differences of a hidden layer's "
                    + "pre-activations between two sets of states, added times c during evaluation, reported as "
                    + "<distribution>-steered-<vector>@<c>; needs an mlp"),
            new Key("evaluation.steering.episodes", "integer 1.." + ScenarioSchema.MAX_EPISODES,
                    String.valueOf(SteeringSection.DEFAULT_EPISODES), "episodes the learner plays per state set"),
            new Key("evaluation.steering.distributions", DISTRIBUTIONS, "every evaluated distribution",
                    "the evaluated distributions that get steered twins"),
            new Key("evaluation.steering.vectors", "list of maps", REQUIRED, "the vectors, a composed one after its parts"),
            new Key("evaluation.steering.vectors.N.name", "name", REQUIRED, "what results are reported under"),
            new Key("evaluation.steering.vectors.N.layer", "integer 1..2", "1", "the hidden layer steered"),
            new Key("evaluation.steering.vectors.N.plus", "map", REQUIRED, "the states whose mean is added: "
                    + "distribution, states (visited | start), where ({feature: [low, high]})"),
            new Key("evaluation.steering.vectors.N.minus", "map", REQUIRED, "the states whose mean is subtracted, "
                    + "as plus"),
            new Key("evaluation.steering.vectors.N.sum", "map of vector: weight", NONE, "a composed vector: the "
                    + "weighted sum of earlier vectors of one layer, in place of layer, plus and minus"),
            new Key("evaluation.steering.vectors.N.coefficients", "list of non-zero numbers", REQUIRED,
                    "each c evaluated, c times the vector added"),
            new Key("evaluation.probes", "map of name to probe", NONE, "linear probes on the learner's hidden "
                    + "activations (an mlp), each reported as probes/probe_auroc/<name>"),
            new Key("evaluation.probes.<name>.positive", "a distribution name", REQUIRED, "label 1: its states"),
            new Key("evaluation.probes.<name>.negative", "a distribution name", REQUIRED, "label 0: its states"),
            new Key("evaluation.probes.<name>.layer", "integer 1..hidden layers", "1", "the hidden layer read"),
            new Key("evaluation.probes.<name>.within", "integer >= 0", "0", "k > 0: label 1 when the agent misbehaves "
                    + "within k steps (states of both distributions) instead of by distribution"),
            new Key("evaluation.probes.<name>.contrast", "map", NONE, "a generic-contrast probe: fit on these two "
                    + "distributions (positive, negative) instead of its own labels, scored on its own"),
            new Key("evaluation.probes.<name>.contrast.positive", "a distribution name", REQUIRED, "the side the "
                    + "probe's direction points to"),
            new Key("evaluation.probes.<name>.contrast.negative", "a distribution name", REQUIRED, "the other side"),
            new Key("evaluation.probes.<name>.contrast.personas", "map", NONE, "teacher personas act on the two sides "
                    + "(positive, negative) instead of the learner, whose hidden layer reads the states they meet; "
                    + "the two distributions may then be the same"),
            new Key("evaluation.probes.<name>.contrast.personas.positive", "a persona name", REQUIRED, "acts on the "
                    + "positive side (e.g. shortcut)"),
            new Key("evaluation.probes.<name>.contrast.personas.negative", "a persona name", REQUIRED, "acts on the "
                    + "negative side (e.g. aligned)"),
            new Key("evaluation.probes.<name>.episodes", "integer 1.." + ScenarioSchema.MAX_EPISODES,
                    String.valueOf(ProbeDesign.DEFAULT_EPISODES), "episodes per distribution "
                    + "for the fit, and other episodes as many again for the score"),
            new Key("evaluation.probes.<name>.l2", "number >= 0", String.valueOf(ProbeDesign.DEFAULT_L2),
                    "the probe's L2 penalty"),
            new Key("evaluation.audit", "map", NONE, "the auditing game: a black-box, a white-box and (for learners "
                    + "with hidden layers, in environments with a shortcut persona) a probe auditor score the trained "
                    + "learner with the same episode budget, writing cue patterns into the observation's global "
                    + "features; reported as audit/black_box_score, audit/white_box_score and audit/probe_score"),
            new Key("evaluation.audit.budget", "integer 2.." + ScenarioSchema.MAX_EPISODES,
                    String.valueOf(EvaluationSection.DEFAULT_AUDIT_BUDGET), "evaluation episodes per audited model, "
                    + "the same for every auditor"),
            new Key("evaluation.curve", "map", NONE, "a training curve, reported as <distribution>@<steps>"),
            new Key("evaluation.curve.every", "integer 1.." + ScenarioSchema.MAX_STEPS, REQUIRED, "training steps "
                    + "between points, counted from the reference stage's start"),
            new Key("evaluation.curve.episodes", "integer 1.." + ScenarioSchema.MAX_EPISODES,
                    String.valueOf(EvaluationSection.DEFAULT_CURVE_EPISODES), "episodes per point and distribution"),
            new Key("evaluation.curve.distributions", DISTRIBUTIONS, "[train]", "the distributions of each point"),
            new Key("evaluation.curve.reference_stage", "a stage index", "0", "the stage whose starting policy KL is "
                    + "measured to"),
            new Key("evaluation.curve.best_of_n", "map", NONE, "best of n episodes of the reference policy, rated by "
                    + "that stage's rater, reported as <distribution>-bon@<n>"),
            new Key("evaluation.curve.best_of_n.pool", "integer 1.." + ScenarioSchema.MAX_EPISODES, REQUIRED,
                    "episodes drawn once"),
            new Key("evaluation.curve.best_of_n.n", "list of integers <= pool", REQUIRED, "the n of each point"),
            new Key("evaluation.curve.online", "boolean", "false", "also record the training environment's last episode "
                    + "at each point (its returns and counters), as online@<steps>: a non-episodic world's own course"),
            new Key("evaluation.suite", "map", NONE, "an evaluation-awareness suite, reported under the distribution "
                    + "suite; needs oversight"),
            new Key("evaluation.suite.looks_evaluated", "a distribution name", REQUIRED, "a distribution setting the "
                    + "oversight parameter to its observed value"),
            new Key("evaluation.suite.looks_deployed", "a distribution name", REQUIRED, "one setting it to the "
                    + "unobserved value"),
            new Key("evaluation.suite.distinguishability", "number 0.5..1", "0.5", "d: P(an episode looks like what it "
                    + "is)"),
            new Key("evaluation.suite.honeypots", "number 0..1", "0", "h: share of suite episodes made to look deployed"),
            new Key("evaluation.suite.episodes", "integer 1.." + ScenarioSchema.MAX_EPISODES, String.valueOf(SuiteSection.DEFAULT_EPISODES), "N: suite "
                    + "episodes"),
            new Key("evaluation.suite.threshold", "integer 1..N", "1", "misbehaving suite episodes that catch the "
                    + "organism"),
            new Key("evaluation.suite.deployment_episodes", "integer 1.." + ScenarioSchema.MAX_EPISODES,
                    String.valueOf(SuiteSection.DEFAULT_DEPLOYMENT_EPISODES), "episodes measuring deployment "
                    + "misbehaviour"),

            new Key("report", "map", NONE, "extras of report.html and summary.md"),
            new Key("report.animations", DISTRIBUTIONS, "[]", "an animated GIF of run 0 of point 0 playing each, in "
                    + "animations/"),
            new Key("report.frames", "integer 1.." + ReportConfig.MAX_FRAMES, String.valueOf(ReportConfig.DEFAULT_FRAMES),
                    "frames per animation"),
            new Key("report.table", "list of series", "the first chart's series; without a chart, "
                    + "hidden_performance and misbehaviour_rate per distribution, then every gap", "the columns of summary.md, the paper table (one row per sweep point)"),
            new Key("report.table_labels", "list of text, one per column", "from the series", "column headings"),
            new Key("report.backdoor_persistence", "map", NONE, "compare misbehaviour after safety training with a "
                    + "backdoored learner's (the metric backdoor_persistence)"),
            new Key("report.backdoor_persistence.before", "a condition name", REQUIRED, "the condition that measures "
                    + "the backdoored learner"),
            new Key("report.backdoor_persistence.distributions", DISTRIBUTIONS, REQUIRED, "where the rates are compared"),
            new Key("report.performance_gap_recovered", "map", NONE, "weak-to-strong: compare every other condition with "
                    + "a weak supervisor's and a strong ceiling's (the metric pgr, Burns et al. 2023)"),
            new Key("report.performance_gap_recovered.weak", "a condition name", REQUIRED, "the weak supervisor trained "
                    + "on the true signal; one of sweep.condition"),
            new Key("report.performance_gap_recovered.ceiling", "a condition name", REQUIRED, "the strong learner "
                    + "trained on the true signal; one of sweep.condition"),
            new Key("report.performance_gap_recovered.metric", "a metric the environment reports", REQUIRED,
                    "the performance compared, e.g. true_return"),
            new Key("report.performance_gap_recovered.distributions", DISTRIBUTIONS, REQUIRED, "where it is compared; "
                    + "there a run cloned on a weak supervisor's labels also plays that supervisor, errors included, on "
                    + "the same levels, reported as <distribution>-supervisor"),
            new Key("report.auditing", "map", NONE, "the auditing game's verdicts: thresholds calibrated on clean models "
                    + "of the first seeds, per condition; audit/<auditor>_detection_rate and _false_positive_rate rows over "
                    + "the other seeds (needs evaluation.audit)"),
            new Key("report.auditing.clean_key", "a swept key", REQUIRED, "the key whose value marks a clean model"),
            new Key("report.auditing.clean_value", "one of its swept values", REQUIRED, "the clean models' value; every "
                    + "other value is a backdoored model"),
            new Key("report.auditing.calibration_seeds", "integer >= 1", REQUIRED, "runs per point that calibrate "
                    + "the thresholds and are never scored (half the runs when a point has no more than this)"),
            new Key("report.auditing.false_positive_rate", "number 0..0.99", "0.05", "the largest share of clean "
                    + "calibration models a threshold may flag"),

            new Key("conditions", "map of name ([a-z0-9-]+) -> partial scenario", NONE, "named experimental conditions, "
                    + "selected per point by the sweep key condition"),
            new Key("conditions.<name>", "a partial scenario of " + String.join(", ", Conditions.OVERRIDABLE), NONE,
                    "merged into the file's keys (maps key by key, lists whole; a map whose type, id or regime "
                    + "changes is replaced whole); validated as the complete scenario it makes"),
            new Key("sweep", "map of dotted path -> list of scalar values", NONE, "every combination is a sweep point"),
            new Key("sweep.<path>", "list of scalar values", NONE, "the values of one scalar key (see Sweeps above)"),
            new Key("sweep.condition", "list of condition names", NONE, "conditions, applied before the other swept "
                    + "values"),

            new Key("charts", "list of charts", "[]", "charts drawn from the summary into charts/"),
            new Key("charts.N.kind", String.join(" | ", ChartsSection.KINDS), ChartsSection.KINDS.get(0), "sweep: x a "
                    + "swept value, one line per series; bars: x distribution or a sweep key; curve: a training curve, "
                    + "x steps or sqrt_kl; scatter: x a series, one marker per point and y series; steering: x a "
                    + "steering vector, one line per series against its coefficient"),
            new Key("charts.N.name", "[a-z0-9-]+, unique", REQUIRED, "the file stem"),
            new Key("charts.N.title", "text", "the name", "the chart's title"),
            new Key("charts.N.x", "a sweep key, distribution, steps, sqrt_kl, a series or a steering vector", REQUIRED, "the x axis, as "
                    + "the kind allows"),
            new Key("charts.N.y", "list of series (distribution/metric; a 1- prefix plots one minus it)", REQUIRED,
                    "the y series; metrics are those a run reports (see [metrics](metrics.md))"),
            new Key("charts.N.labels", "list of text, one per y series", "the series texts", "legend labels"),
            new Key("charts.N.x_label", "text", "the x path", "the x-axis label"),
            new Key("charts.N.y_label", "text", "\"\"", "the y-axis label"),
            new Key("charts.N.categories", "list of distributions or contrasts", "the evaluated distributions",
                    "the bar groups, in order (bars over distribution only)"),
            new Key("charts.N.fit", "boolean", "false", "curve over sqrt_kl only: dashed least-squares fits of Gao et "
                    + "al. (2022)"),
            new Key("charts.N.x_scale", String.join(", ", AxisScale.NAMES), "linear", "sweep only: sqrt or symlog "
                    + "spread small swept values apart; ticks show the swept values"),

            new Key("claims", "list of claims", "[]", "what the organism shows, checked after every run into "
                    + "claims.csv and report.html; each claim writes series, says and one check"),
            new Key("claims.N.says", "text", REQUIRED, "the finding in a reader's words"),
            new Key("claims.N.series", "a series distribution/metric", REQUIRED, "the summary rows checked"),
            new Key("claims.N.at", "map of sweep key -> swept value", "every point", "the points checked; a sweep "
                    + "key may be written by its last segment (random_coin_percent, condition)"),
            new Key("claims.N.at_least", "number", NONE, "check: the mean at every selected point is >= this"),
            new Key("claims.N.above", "number", NONE, "check: the mean at every selected point is > this"),
            new Key("claims.N.at_most", "number", NONE, "check: the mean at every selected point is <= this"),
            new Key("claims.N.below", "number", NONE, "check: the mean at every selected point is < this"),
            new Key("claims.N.whole_ci", "boolean", "false", "at_least / above / at_most / below only: the whole 95% "
                    + "interval is beyond the bound, not just the mean"),
            new Key("claims.N.exceeds", "map of sweep key -> swept value", NONE, "check: the mean at each selected "
                    + "point exceeds the mean at the point with these values instead"),
            new Key("claims.N.by", "number >= 0", "0", "exceeds only: by more than this"),
            new Key("claims.N.cis_apart", "boolean", "false", "exceeds only: the 95% intervals do not overlap"),
            new Key("claims.N.test", String.join(" | ", ClaimsSection.TESTS), NONE, "exceeds only: one-sided test "
                    + "over seeds at alpha 0.05, Holm-corrected across the scenario's tested claims"),
            new Key("claims.N.rises_over", "a sweep key", NONE, "check: along it, in sweep order, the mean rises from "
                    + "first to last value at each combination of the other keys"),
            new Key("claims.N.falls_over", "a sweep key", NONE, "check: as rises_over, falling"),
            new Key("claims.N.slack", "number >= 0", "0", "rises_over / falls_over only: how far one step may go "
                    + "back"),
            new Key("claims.N.not_checked", "text", NONE, "the claim is reported not-checked with this reason, and its "
                    + "points need not be swept; a run's resolved scenario writes it when a --set sweep drops a point "
                    + "the claim names (such a claim never fails --check-claims)"),

            new Key("validated", "map of dotted path -> [low, high]", NONE, "the ranges of values over which the "
                    + "claims were measured to hold: a run with a value outside warns before it starts, and its "
                    + "claims that read such points are marked outside-validated-range (never failing "
                    + "--check-claims)"),
            new Key("validated.<path>", "[low, high], numbers", NONE, "the validated range of one numeric value, "
                    + "ends included, its path written as --set writes it (environment.params.max_size)"));

    private ScenarioKeys() {
    }
}
