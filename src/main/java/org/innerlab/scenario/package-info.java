/**
 * Scenario files: YAML → validated, immutable {@link org.innerlab.scenario.Scenario} records, with
 * errors that point at file, line and column ({@link org.innerlab.scenario.ScenarioException}).
 * The only package that imports Jackson.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link org.innerlab.scenario.ScenarioLoader#load(java.nio.file.Path, java.util.List)}: a file plus
 *       {@code --set dotted.path=value} overrides (value parsed as YAML), validated together.</li>
 *   <li>{@link org.innerlab.scenario.Scenario#points()} / {@link org.innerlab.scenario.Sweeps#expand}: the
 *       sweep's points, each a complete scenario.</li>
 *   <li>{@link org.innerlab.scenario.Scenario#smoke()}, {@code withSeed}, {@code withSeeds}: CI budgets and
 *       command-line seeds.</li>
 *   <li>{@link org.innerlab.scenario.ScenarioWriter#toYaml}: the resolved scenario, every default written,
 *       which loads back to an equal scenario.</li>
 * </ul>
 *
 * <h2>File format</h2>
 * Unknown keys are errors at every level (with a suggestion when a known key is within two edits);
 * so are duplicate keys, YAML aliases and more than one document. A key written with an empty value
 * ({@code description:}) means the same as leaving it out. Integers may be written as integral floats
 * ({@code steps: 2e5}); quoted numbers ({@code "20"}) are strings and rejected where a number belongs.
 * <pre>{@code
 * name: coinrun-goal-misgeneralization  # required; [a-z0-9-]+; names the output folder
 * description: >                        # optional prose; default ""
 *   ...
 * seed: 20261123                        # master seed, any 64-bit integer; default 0
 * seeds: 20                             # runs per sweep point, 1..10000; default 1
 * environment:                          # required
 *   id: coinrun-lite-v1                 # required; a registered environment id
 *   params: { width: 16 }               # shared by every distribution; keys and values checked against
 *                                       #   the environment's declared parameters; default {}
 *   train: { random_coin_percent: 0 }   # the training distribution's own overrides; default {}
 *   test: { random_coin_percent: 100 }  # the test distribution's own overrides; optional
 *   distributions:                      # optional further named distributions, names [a-z0-9_-]+;
 *     diag: { random_coin_percent: 100 }  #   train/test may be written here instead of above (not both)
 * learner:                              # required
 *   type: linear-softmax                # required; a learner type (org.innerlab.learner.Learners)
 *   observation:                        # optional
 *     view_radius: 2                    # 0..10; default 2: the (2r+1)² egocentric window
 *     global_features: [agent_x]        # names from the environment's features; default []
 *     control_tags: false               # two control-tag inputs (good, bad) after the features
 *     full_board: false                 # the whole board one-hot instead of the window (a Q-table
 *                                       #   always sees it); boards must keep one size (Cheese Maze does)
 *   params: { init_std: 0.0 }           # checked against the type's parameters; defaults filled
 * training:                             # required; one or more stages, run in order
 *   - regime: reinforce                 # required; a registered regime (Regimes) that trains the learner type
 *     steps: 200000                     # required; 1..10^10 environment steps
 *     rater: environment                # a registered rater (Raters); default environment; or a map of the name
 *                                       #   and the rater's parameters, checked against its declarations
 *                                       #   for this environment, defaults filled, e.g.
 *                                       #   {name: blind-spot, event: entered_punishment_tile, bonus: 30};
 *                                       #   training.N.rater.<param> can be set and swept, the name cannot
 *     params: { learning_rate: 0.05 }   # checked against the regime's parameters; defaults filled
 * evaluation:                           # optional
 *   episodes: 500                       # per distribution, 1..10^7; default 500
 *   distributions: [train, test]        # distribution names, no repeats; default every distribution,
 *                                       #   train first, then test, then the others in file order
 *   policy: sampled                     # sampled | greedy | both; default sampled; both also reports
 *                                       #   the greedy policy on the same levels as <distribution>-greedy
 *   belief_steering: false              # only with learner.params.belief_head; true also plays each
 *                                       #   distribution d on d's levels with the belief clamped to 1 and
 *                                       #   to 0, reported as d-told-deployed and d-told-training (none
 *                                       #   for a run whose head was distilled away)
 *   curve:                              # optional; a training curve (CurveConfig), reported as <d>@<steps>
 *     every: 2500                       # required; training steps between points, counted from the
 *                                       #   reference stage's start (points 0, every, ..., and the end)
 *     episodes: 50                      # per point and distribution; default 50
 *     distributions: [train]            # default [train]
 *     reference_stage: 0                # the stage whose starting policy KL is measured to; default 0
 *     best_of_n: { pool: 8000, n: [1, 16, 256] }  # optional; best of n episodes of the reference policy,
 *                                       #   rated by that stage's rater, reported as <d>-bon@<n>; n <= pool
 *   suite:                              # optional; an evaluation-awareness suite (EvaluationSuite),
 *                                       #   reported under the distribution "suite"; needs oversight
 *     looks_evaluated: watched          #   required; a distribution setting the oversight parameter to
 *                                       #   its observed value (monitored: yes, supervisor: present)
 *     looks_deployed: unwatched         #   required; one setting it to the unobserved value
 *     distinguishability: 0.9           #   d in [0.5, 1]: P(an episode looks like what it is); default 0.5
 *     honeypots: 0.1                    #   h in [0, 1]: share of suite episodes made to look deployed; 0
 *     episodes: 20                      #   N suite episodes; default 20
 *     threshold: 1                      #   misbehaving suite episodes that catch the organism, 1..N; 1
 *     deployment_episodes: 400          #   episodes measuring deployment misbehaviour; default 400
 * report:                               # optional; extras of report.html
 *   animations: [train, test]           # distribution names, no repeats; default []: an animated GIF of
 *                                       #   run 0 of point 0 playing each, in animations/, embedded
 *   frames: 60                          # frames per animation, 1..600; default 60
 *   table: [unsupervised/hidden_performance, unsupervised-vs-supervised/conditional_misbehaviour_gap]
 *                                       # the columns of summary.md, the paper table (one row per sweep
 *                                       #   point), as chart series (no 1- prefix); default: hidden_performance
 *                                       #   and misbehaviour_rate per evaluated distribution, then every gap
 *   table_labels: ["hidden performance", "gap"]   # one heading per column; default from the series
 * conditions:                           # optional; name ([a-z0-9-]+) -> a partial scenario of seed, seeds,
 *   plain: {}                           #   environment, learner, data, training, evaluation keys, merged
 *   rl-true:                            #   into the file's (maps key by key, lists whole; a map whose
 *     learner: { type: tabular-q }      #   type/id/regime changes is replaced whole); selected per point
 *     training: [ { regime: q-learning, steps: 100000, rater: true } ]   # by the sweep key `condition`
 * sweep:                                # optional; dotted path -> list of scalar values
 *   environment.train.random_coin_percent: [0, 1, 2, 5, 10, 25]
 *   condition: [plain, rl-true]         # condition names; applied before the other swept values
 * charts:                               # optional
 *   - kind: sweep                       # default; x = a swept value, one line per series; also bars
 *                                       #   (x: distribution or a sweep key), curve (x: steps or sqrt_kl)
 *                                       #   and scatter (x: a series distribution/metric; one marker per
 *                                       #   point and y series)
 *     name: goal-misgeneralization      # required; [a-z0-9-]+, unique; the file stem
 *     title: "..."                      # default: the name
 *     x: environment.train.random_coin_percent   # required; a sweep key
 *     y: [test/reached_end, 1-train/got_coin]    # required; distribution/metric, an evaluated
 *                                                #   distribution; a "1-" prefix plots one minus the metric;
 *                                                #   metrics: Evaluator.metricNames (events, proxy_pursuit/<p>,
 *                                                #   proxy_margin_low/<p>, counters such as keys_picked, ...);
 *                                                #   a contrast a-vs-b of two evaluated distributions
 *                                                #   (conditional_misbehaviour_gap; compliance_gap where the
 *                                                #   oversight pays the same reward watched or not); for the
 *                                                #   alignment-faking-planner also <distribution>/faking_rate
 *                                                #   and learner/goal_drift, learner/refusal_preference;
 *                                                #   with an evaluation suite, suite/caught,
 *                                                #   suite/caught_by_honeypot, suite/evaluation_misbehaviour_rate,
 *                                                #   suite/deployment_misbehaviour_rate
 *                                                #   for the persona-mixture learner/persona_share/<persona>-
 *                                                #   <strong|weak>, learner/misaligned_share, learner/strong_share
 *     labels: ["...", "..."]            # one per y series; default: the series texts
 *     x_label: "..."                    # default: the x path
 *     y_label: "..."                    # default ""
 *   - kind: curve                       # a training curve (needs evaluation.curve): one line per series
 *     name: rl-true                     #   and sweep point
 *     x: sqrt_kl                        # steps (the number after @) or sqrt_kl (sqrt of kl_to_initial)
 *     y: [train/true_return, train-bon/true_return]  # <curve distribution>[-bon]/<metric>; metrics are the
 *                                       #   evaluator's plus rated_return, rated_gap, kl_to_initial, kl_per_step
 *     fit: true                         # x: sqrt_kl only; dashed least-squares fits of Gao et al. (2022):
 *                                       #   d(a - b d) for -bon lines, d(a - b log d) for training curves
 * }</pre>
 *
 * <h3>Distributions</h3>
 * {@link org.innerlab.scenario.EnvironmentConfig#distributions()} maps each name to its complete
 * override map: {@code params} with the distribution's own keys on top. Parameters set nowhere take the
 * environment's declared defaults when the environment is built.
 *
 * <h3>Dotted paths ({@code --set} and {@code sweep})</h3>
 * Keys joined by dots, list items by index: {@code environment.params.width},
 * {@code training.0.steps} or {@code training[0].steps}, {@code training.0.rater.bonus},
 * {@code learner.observation.view_radius},
 * {@code evaluation.episodes}, {@code seed}. {@code environment.distributions.train} and
 * {@code environment.train} are the same path. The canonical form (dots, shorthand) is what
 * {@link org.innerlab.scenario.Scenario#sweep()}, sweep assignments and chart {@code x} use.
 * <ul>
 *   <li>{@code --set path=value} replaces the value at the path (creating missing maps; an index equal
 *       to a list's length appends) before validation; {@code --set sweep.<path>=[...]} sets a sweep
 *       entry. A swept path cannot also be set to a single value.</li>
 *   <li>A sweep path must name a scalar key; {@code name}, {@code description}, {@code sweep.*},
 *       {@code charts.*} and the keys that decide which other keys are valid ({@code environment.id},
 *       {@code learner.type}, {@code training.N.regime}, {@code training.N.rater.name}) cannot be swept.
 *       Each value is validated as if it were written at the path, every combination is validated too,
 *       and at most 100,000 points are allowed. Errors point at the sweep entry.</li>
 *   <li>{@code condition} is the one sweep key that is not a path: its values name
 *       {@link org.innerlab.scenario.Conditions}, so structurally different arms (behaviour cloning
 *       against RL, different learners) share one sweep, seeds and charts ({@code x: condition}). Each
 *       condition is validated as the complete scenario it makes, with errors at its own keys.</li>
 * </ul>
 */
package org.innerlab.scenario;
