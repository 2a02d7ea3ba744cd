package org.innerlab.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.innerlab.core.ParamSpec;
import org.innerlab.core.Registered;
import org.innerlab.data.CurationType;
import org.innerlab.data.Curations;
import org.innerlab.data.Personas;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.Oversight;
import org.innerlab.learner.Ensemble;
import org.innerlab.learner.LearnerType;
import org.innerlab.learner.Learners;
import org.innerlab.measure.EvaluationPlan;
import org.innerlab.measure.Metric;
import org.innerlab.measure.MetricCatalog;
import org.innerlab.observe.EncoderType;
import org.innerlab.observe.Encoders;
import org.innerlab.rater.RaterType;
import org.innerlab.rater.Raters;
import org.innerlab.regime.RegimeType;
import org.innerlab.regime.Regimes;
import org.innerlab.report.ComponentDescription.Combination;
import org.innerlab.report.ComponentDescription.Kind;
import org.innerlab.scenario.Spelling;

/**
 * Every registered component described ({@link ComponentDescription}), kind by kind, and found by id:
 * what {@code innerlab describe}, {@code innerlab list} and the reference pages read. What a component
 * combines with is worked out here from the registries: an environment's raters, personas and
 * metrics, the regimes that train a learner type, the environments a rater cannot rate, where a
 * metric's needs are met.
 */
public final class ComponentIndex {
    /** The needs an environment meets by what it declares ({@link Metric.Need#of}). */
    private static final Set<Metric.Need> ENVIRONMENT_NEEDS = EnumSet.of(Metric.Need.OVERSIGHT,
            Metric.Need.REWARD_BLIND_OVERSIGHT, Metric.Need.PERSONAS, Metric.Need.EXACT_MODEL, Metric.Need.SNAPSHOTS);
    /** The needs a learner meets by its capabilities ({@link Metric.Need#providedBy(Class, boolean)}). */
    private static final Set<Metric.Need> LEARNER_NEEDS = EnumSet.of(Metric.Need.BELIEF_HEAD,
            Metric.Need.DECISION_LOG, Metric.Need.GOAL_VECTOR, Metric.Need.PERSONA_SHARES, Metric.Need.Q_VALUES,
            Metric.Need.COMMITTEE);
    /** An evaluation without suite, curve or before/after comparison: what every run has. */
    private static final EvaluationPlan.Settings PLAIN = new EvaluationPlan.Settings(false, false, false);

    private ComponentIndex() {
    }

    /** Every registered component, kind by kind in {@link Kind} order, each kind in registration order. */
    public static List<ComponentDescription> all() {
        List<ComponentDescription> all = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            all.addAll(of(kind));
        }
        return all;
    }

    /** Every registered component of {@code kind}, in registration order. */
    public static List<ComponentDescription> of(Kind kind) {
        List<ComponentDescription> out = new ArrayList<>();
        switch (kind) {
            case ENVIRONMENT -> EnvRegistry.registry().all().forEach(e -> out.add(environment(e.spec(), e)));
            case LEARNER -> Learners.TYPES.all().forEach(l -> out.add(learner(l)));
            case ENCODER -> Encoders.TYPES.all().forEach(e -> out.add(encoder(e)));
            case REGIME -> Regimes.TYPES.all().forEach(r -> out.add(regime(r)));
            case RATER -> Raters.TYPES.all().forEach(r -> out.add(rater(r)));
            case CURATION -> Curations.TYPES.all().forEach(c -> out.add(curation(c)));
            case PERSONA -> {
                for (String env : Personas.environments()) {
                    Personas personas = Personas.forEnvironment(EnvRegistry.spec(env));
                    personas.registry().all().forEach(p -> out.add(new ComponentDescription(Kind.PERSONA,
                            env + "/" + p.id(), p.info(), p.info().params(),
                            List.of(new Combination("environment", List.of(env)),
                                    new Combination("demonstrates for", List.of("data.good", "data.bad",
                                            "data.teachers", "evaluation.reference", "evaluation.attack"))))));
                }
            }
            case METRIC -> MetricCatalog.METRICS.all().forEach(m -> out.add(metric(m)));
            default -> throw new AssertionError(kind);
        }
        return out;
    }

    /**
     * The kind called {@code name}: its enum name, its word's first word or its plural, any case
     * ({@code learner}, {@code learners}, {@code LEARNER}); null when none is.
     */
    public static Kind kindNamed(String name) {
        for (Kind k : Kind.values()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals(k.name().toLowerCase(Locale.ROOT)) || lower.equals(k.plural())
                    || lower.equals(k.word().split(" ")[0])) {
                return k;
            }
        }
        return null;
    }

    /**
     * The components {@code query} names: those whose id it is, and the personas it names when it is a
     * persona's name without its environment (several when the name is shared); only of {@code kind}
     * unless that is null. Empty when it names none.
     */
    public static List<ComponentDescription> matching(String query, Kind kind) {
        List<ComponentDescription> found = new ArrayList<>();
        for (ComponentDescription d : kind == null ? all() : of(kind)) {
            if (d.id().equals(query) || (d.kind() == Kind.PERSONA && d.id().endsWith("/" + query))) {
                found.add(d);
            }
        }
        if (found.isEmpty() && (kind == null || kind == Kind.METRIC)) {
            ComponentDescription member = metricFamilyMember(query);
            if (member != null) {
                found.add(member);
            }
        }
        return found;
    }

    /**
     * A metric of a family that environments declare (one per event, counter or proxy; a persona
     * mixture's share per persona), described as {@link MetricCatalog#describe} does, with the
     * environments whose runs can report it; null when no environment's can.
     */
    private static ComponentDescription metricFamilyMember(String name) {
        List<String> where = new ArrayList<>();
        MetricCatalog.Entry entry = null;
        for (EnvRegistry.Entry e : EnvRegistry.registry().all()) {
            EvaluationPlan plan = EvaluationPlan.forScenario(e.spec(), LEARNER_NEEDS, PLAIN);
            if (plan.metricNames().contains(name)) {
                where.add(e.id());
                entry = entry != null ? entry : MetricCatalog.describe(name, e.spec());
            }
        }
        if (entry == null) {
            return null;
        }
        return new ComponentDescription(Kind.METRIC, name, entry.description(), entry.source(), List.of(),
                List.of(new Combination("reported on", where)));
    }

    /**
     * One line saying {@code query} names no component, with the closest ids: the one within two edits,
     * else those that contain it, else where to look.
     */
    public static String unknown(String query, Kind kind) {
        List<String> ids = new ArrayList<>();
        for (ComponentDescription d : kind == null ? all() : of(kind)) {
            ids.add(d.id());
        }
        String what = kind == null ? "component" : kind.word();
        String close = Spelling.closest(query, ids);
        if (close != null) {
            return "unknown " + what + " '" + query + "'; did you mean '" + close + "'?";
        }
        List<String> containing = ids.stream().filter(i -> i.contains(query)).limit(5).toList();
        if (!containing.isEmpty()) {
            return "unknown " + what + " '" + query + "'; closest: " + String.join(", ", containing);
        }
        return "unknown " + what + " '" + query + "'; innerlab list shows every id";
    }

    private static ComponentDescription environment(EnvSpec s, Registered entry) {
        List<Combination> with = new ArrayList<>();
        with.add(new Combination("intended goal", List.of(s.intendedGoal())));
        with.add(new Combination("actions", s.actions()));
        with.add(new Combination("events", s.events()));
        with.add(new Combination("features", s.features().isEmpty() ? List.of("none") : s.features()));
        if (s.legend() != null) {
            with.add(new Combination("layout legend (environment.params.layout)", s.legend().lines()));
        }
        if (!s.proxies().isEmpty()) {
            with.add(new Combination("proxies", s.proxies().stream()
                    .map(p -> p.name() + " (" + p.description() + ")").toList()));
        }
        if (!s.counters().isEmpty()) {
            with.add(new Combination("counters", s.counters()));
        }
        if (s.oversight() != null) {
            with.add(new Combination("oversight", List.of(oversight(s.oversight()))));
        }
        with.add(new Combination("raters", Raters.TYPES.all().stream()
                .filter(r -> r.unavailable().apply(s) == null).map(RaterType::id).toList()));
        with.add(new Combination("personas", Personas.environments().contains(s.id())
                ? Personas.forEnvironment(s).names() : List.of("none (no behaviour cloning, reference or attack)")));
        List<String> reported = EvaluationPlan.forScenario(s, Set.of(), PLAIN).metricNames();
        with.add(new Combination("metrics every run reports", reported));
        Set<Metric.Need> declared = Metric.Need.of(s);
        List<String> more = new ArrayList<>();
        for (Metric m : MetricCatalog.METRICS.all()) {
            Set<Metric.Need> environmentNeeds = EnumSet.noneOf(Metric.Need.class);
            environmentNeeds.addAll(m.needs());
            environmentNeeds.retainAll(ENVIRONMENT_NEEDS);
            if (!reported.contains(m.id()) && declared.containsAll(environmentNeeds)) {
                more.add(m.id());
            }
        }
        with.add(new Combination("metrics given the learner or setting they need", more));
        return new ComponentDescription(Kind.ENVIRONMENT, s.id(), entry.info(), s.params(), with);
    }

    /** The oversight in one line, e.g. {@code supervisor (observed: present, unobserved: absent); misbehaviour: ...}. */
    static String oversight(Oversight o) {
        return o.parameter() + " (observed: " + o.observed() + ", unobserved: " + o.unobserved() + "); misbehaviour: "
                + o.misbehaviour() + (o.identicalObservedReward() ? "; same observed reward watched or not" : "");
    }

    private static ComponentDescription learner(LearnerType<?> l) {
        List<Combination> with = new ArrayList<>();
        with.add(new Combination("capabilities", l.capabilities().stream().map(Class::getSimpleName).toList()));
        with.add(new Combination("observation", List.of(words(l.observation().name()))));
        with.add(new Combination("trained by", Regimes.TYPES.all().stream()
                .filter(r -> Regimes.trains(r, l.id()) || (l == Ensemble.TYPE
                        && Ensemble.memberTypes().stream().anyMatch(member -> Regimes.trains(r, member))))
                .map(RegimeType::id).toList()));
        with.add(new Combination("can be saved (run --save-policies)", List.of(l.savable() ? "yes" : "no")));
        Set<Metric.Need> provided = Metric.Need.providedBy(l.learnerClass(), true);
        List<String> metrics = new ArrayList<>();
        for (Metric m : MetricCatalog.METRICS.all()) {
            Set<Metric.Need> learnerNeeds = EnumSet.noneOf(Metric.Need.class);
            learnerNeeds.addAll(m.needs());
            learnerNeeds.retainAll(LEARNER_NEEDS);
            if (!learnerNeeds.isEmpty() && provided.containsAll(learnerNeeds)) {
                metrics.add(m.id());
            }
        }
        if (!metrics.isEmpty()) {
            with.add(new Combination("metrics only learners like it report", metrics));
        }
        return new ComponentDescription(Kind.LEARNER, l.id(), l.info(), l.info().params(), with);
    }

    private static ComponentDescription encoder(EncoderType e) {
        return new ComponentDescription(Kind.ENCODER, e.id(), e.info(), e.info().params(),
                List.of(new Combination("wraps another encoder", List.of(e.wrapper() ? "yes" : "no"))));
    }

    private static ComponentDescription regime(RegimeType r) {
        List<Combination> with = new ArrayList<>();
        with.add(new Combination("trains the capability", List.of(r.trains().getSimpleName())));
        with.add(new Combination("learner types", Regimes.learnerTypesTrainedBy(r)));
        with.add(new Combination("rater", List.of(r.rated()
                ? "yes: training.N.rater, one of the raters available for the environment (default environment)"
                : "no")));
        with.add(new Combination("data", List.of(words(r.data().name()))));
        return new ComponentDescription(Kind.REGIME, r.id(), r.info(), r.info().params(), with);
    }

    private static ComponentDescription rater(RaterType r) {
        List<Combination> with = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        List<String> perEnvironment = new ArrayList<>();
        for (EnvRegistry.Entry e : EnvRegistry.registry().all()) {
            String why = r.unavailable().apply(e.spec());
            if (why != null) {
                unavailable.add(e.id() + ": " + why);
            } else {
                for (ParamSpec p : r.environmentParams().apply(e.spec())) {
                    perEnvironment.add(e.id() + ": " + p.name() + " = " + ComponentDescription.range(p) + " (default "
                            + ComponentDescription.defaultText(p) + "; " + p.doc() + ")");
                }
            }
        }
        with.add(new Combination("unavailable for", unavailable.isEmpty() ? List.of("none") : unavailable));
        if (!perEnvironment.isEmpty()) {
            with.add(new Combination("parameters per environment", perEnvironment));
        }
        if (!r.required().isEmpty()) {
            with.add(new Combination("required parameters", r.required()));
        }
        return new ComponentDescription(Kind.RATER, r.id(), r.info(), r.info().params(), with);
    }

    private static ComponentDescription curation(CurationType c) {
        List<String> perEnvironment = new ArrayList<>();
        for (String env : Personas.environments()) {
            for (ParamSpec p : c.params(Personas.forEnvironment(EnvRegistry.spec(env)).names())) {
                if (!p.equals(c.info().param(p.name()))) {
                    perEnvironment.add(env + ": " + p.name() + " = " + ComponentDescription.range(p));
                }
            }
        }
        List<Combination> with = new ArrayList<>();
        with.add(new Combination("used in", List.of("data.curation of a stage that learns from demonstrations "
                + "(behaviour-cloning, offline-q), applied in order")));
        if (!perEnvironment.isEmpty()) {
            with.add(new Combination("parameters per environment", perEnvironment));
        }
        return new ComponentDescription(Kind.CURATION, c.id(), c.info(), c.info().params(), with);
    }

    private static ComponentDescription metric(Metric m) {
        List<Metric.Need> needs = new ArrayList<>();
        for (Metric.Need need : Metric.Need.values()) {
            if (m.needs().contains(need)) {
                needs.add(need);
            }
        }
        List<Combination> with = new ArrayList<>();
        with.add(new Combination("needs", needs.isEmpty() ? List.of("nothing: every run reports it")
                : needs.stream().map(ComponentIndex::need).toList()));
        for (Metric.Need need : needs) {
            if (ENVIRONMENT_NEEDS.contains(need)) {
                with.add(new Combination("environments with " + words(need.name()), EnvRegistry.registry().all()
                        .stream().filter(e -> Metric.Need.of(e.spec()).contains(need)).map(EnvRegistry.Entry::id)
                        .toList()));
            } else if (LEARNER_NEEDS.contains(need)) {
                with.add(new Combination("learner types with " + words(need.name()), Learners.TYPES.all().stream()
                        .filter(l -> Metric.Need.providedBy(l.learnerClass(), true).contains(need))
                        .map(LearnerType::id).toList()));
            }
        }
        return new ComponentDescription(Kind.METRIC, m.id(), m.info(), m.info().params(), with);
    }

    /** What a need asks of a scenario, in words. */
    private static String need(Metric.Need need) {
        return switch (need) {
            case OVERSIGHT -> "an environment that declares oversight (what misbehaviour is, who watches)";
            case REWARD_BLIND_OVERSIGHT -> "oversight that pays every action the same observed reward watched or not";
            case PERSONAS -> "an environment with teacher personas";
            case BELIEF_HEAD -> "a learner with a deployment-belief head (learner.params.belief_head: true)";
            case DECISION_LOG -> "a learner that logs the reason of each decision";
            case GOAL_VECTOR -> "a learner whose training moves an explicit goal vector";
            case PERSONA_SHARES -> "a learner that mixes persona emulations";
            case Q_VALUES -> "a learner with action values Q(s, a) (tabular-q, linear-q)";
            case SUITE -> "an evaluation suite (evaluation.suite)";
            case CURVE -> "a training curve (evaluation.curve)";
            case BACKDOOR_PERSISTENCE -> "a before/after comparison (report.backdoor_persistence)";
            case EXACT_MODEL -> "an environment that hands over its exact model (env/TabularMdp)";
            case SNAPSHOTS -> "an environment whose states can be saved and restored (env/Snapshots)";
            case GAP_RECOVERED -> "a weak/ceiling comparison (report.performance_gap_recovered)";
            case COMMITTEE -> "a learner that acts by voting among members (ensemble)";
        };
    }

    /** {@code FULL_BOARD} as {@code full board}. */
    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
