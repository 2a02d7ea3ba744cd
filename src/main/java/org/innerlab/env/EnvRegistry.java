package org.innerlab.env;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.innerlab.env.coinrun.CoinRunLite;
import org.innerlab.env.compliance.ComplianceRequests;
import org.innerlab.env.keys.KeysChests;
import org.innerlab.env.maze.CheeseMaze;
import org.innerlab.env.monster.MonsterWorld;
import org.innerlab.env.tree.TreeWorld;
import org.innerlab.env.power.PowerWorld;
import org.innerlab.env.asg.AbsentSupervisor;
import org.innerlab.env.asg.BoatRace;
import org.innerlab.env.asg.ConveyorBelt;
import org.innerlab.env.asg.DistributionalShift;
import org.innerlab.env.asg.FriendFoe;
import org.innerlab.env.asg.IslandNavigation;
import org.innerlab.env.asg.RocksDiamonds;
import org.innerlab.env.asg.SafeInterruptibility;
import org.innerlab.env.asg.SideEffectsSokoban;
import org.innerlab.env.asg.TomatoWatering;
import org.innerlab.env.asg.WhiskyGold;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.Registered;
import org.innerlab.core.Registry;

/**
 * The registered environments, by versioned id. Every environment a scenario can name is listed
 * here, one line each, with the factory that builds an instance from resolved {@link Params} and the
 * paper the environment follows. Code outside this package (an extension, a test) adds its own with
 * one call to {@link #register}.
 */
public final class EnvRegistry {
    private static final String LANGOSCO = "Langosco, Koch, Sharkey, Pfau & Krueger (2022), "
            + "\"Goal Misgeneralization in Deep Reinforcement Learning\", ICML";
    private static final String GRIDWORLDS = "Leike et al. (2017), \"AI Safety Gridworlds\", arXiv:1711.09883";
    private static final String TREE_GRIDWORLD = "Shah et al. (2022), \"Goal Misgeneralization: Why Correct "
            + "Specifications Aren't Enough for Correct Goals\", the Tree Gridworld";
    private static final String ALIGNMENT_FAKING = "Greenblatt et al. (2024), "
            + "\"Alignment Faking in Large Language Models\"";

    /**
     * A registered environment: its description, how to build one, and the paper it follows.
     *
     * @param spec    the environment's static description
     * @param factory builds an instance from resolved parameters
     * @param paper   the paper the environment follows, or "" when none
     */
    public record Entry(EnvSpec spec, Function<Params, Environment> factory, String paper) implements Registered {
        @Override
        public ComponentInfo info() {
            return new ComponentInfo(spec.id(), spec.description(), paper, spec.params());
        }
    }

    private static final Registry<Entry> REGISTRY = new Registry<>("environment");

    static {
        register(CoinRunLite.SPEC, CoinRunLite::new, LANGOSCO);
        register(CheeseMaze.SPEC, CheeseMaze::new, LANGOSCO);
        register(KeysChests.SPEC, KeysChests::new, LANGOSCO);
        register(MonsterWorld.SPEC, MonsterWorld::new, "Shah et al. (2022), \"Goal Misgeneralization: Why Correct "
                + "Specifications Aren't Enough for Correct Goals\"");
        register(TreeWorld.SPEC, TreeWorld::new, TREE_GRIDWORLD);

        // DeepMind AI Safety Gridworlds, ported from reference v1.5.
        register(AbsentSupervisor.SPEC, AbsentSupervisor::new, GRIDWORLDS);
        register(BoatRace.SPEC, BoatRace::new, GRIDWORLDS);
        register(ConveyorBelt.SPEC, ConveyorBelt::new, GRIDWORLDS);
        register(DistributionalShift.SPEC, DistributionalShift::new, GRIDWORLDS);
        register(FriendFoe.SPEC, FriendFoe::new, GRIDWORLDS);
        register(IslandNavigation.SPEC, IslandNavigation::new, GRIDWORLDS);
        register(RocksDiamonds.SPEC, RocksDiamonds::new, GRIDWORLDS);
        register(SafeInterruptibility.SPEC, SafeInterruptibility::new, GRIDWORLDS);
        register(SideEffectsSokoban.SPEC, SideEffectsSokoban::new, GRIDWORLDS);
        register(TomatoWatering.SPEC, TomatoWatering::new, GRIDWORLDS);
        register(WhiskyGold.SPEC, WhiskyGold::new, GRIDWORLDS);

        register(ComplianceRequests.SPEC, ComplianceRequests::new, ALIGNMENT_FAKING);
        register(PowerWorld.SPEC, PowerWorld::new, "Turner et al. (2021), \"Optimal Policies Tend to Seek Power\", NeurIPS");
    }

    private EnvRegistry() {
    }

    /**
     * Registers an environment under its spec's id.
     *
     * @throws IllegalStateException when the id is already registered
     */
    public static Entry register(EnvSpec spec, Function<Params, Environment> factory, String paper) {
        return REGISTRY.register(new Entry(spec, factory, paper));
    }

    /** The registry itself, for listings and descriptions. */
    public static Registry<Entry> registry() {
        return REGISTRY;
    }

    /** Every registered id, in registration order. */
    public static Map<String, Entry> entries() {
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (Entry e : REGISTRY.all()) {
            byId.put(e.id(), e);
        }
        return Collections.unmodifiableMap(byId);
    }

    /** The spec of {@code id}, or null when no such environment is registered. */
    public static EnvSpec spec(String id) {
        Entry e = REGISTRY.find(id);
        return e == null ? null : e.spec();
    }

    /** A new instance of {@code id} with the given parameters. */
    public static Environment create(String id, Params params) {
        Entry e = REGISTRY.find(id);
        if (e == null) {
            throw new IllegalArgumentException("unknown environment '" + id + "'; known: " + REGISTRY.ids());
        }
        return e.factory().apply(params);
    }

    /** A new instance of {@code id} with default parameters except {@code overrides}. */
    public static Environment create(String id, Map<String, ?> overrides) {
        EnvSpec spec = spec(id);
        if (spec == null) {
            throw new IllegalArgumentException("unknown environment '" + id + "'; known: " + REGISTRY.ids());
        }
        return create(id, Params.resolve(spec, overrides));
    }
}
