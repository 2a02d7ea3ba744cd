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

/**
 * The registered environments, by versioned id. Every environment a scenario can name is listed
 * here, with the factory that builds an instance from resolved {@link Params}.
 */
public final class EnvRegistry {
    /** A registered environment: its description and how to build one. */
    public record Entry(EnvSpec spec, Function<Params, Environment> factory) {
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        // Each environment registers itself here; keep the list sorted by family.
        register(CoinRunLite.SPEC, CoinRunLite::new);
        register(CheeseMaze.SPEC, CheeseMaze::new);
        register(KeysChests.SPEC, KeysChests::new);
        register(MonsterWorld.SPEC, MonsterWorld::new);

        // DeepMind AI Safety Gridworlds (Leike et al. 2017), ported from reference v1.5.
        register(AbsentSupervisor.SPEC, AbsentSupervisor::new);
        register(BoatRace.SPEC, BoatRace::new);
        register(ConveyorBelt.SPEC, ConveyorBelt::new);
        register(DistributionalShift.SPEC, DistributionalShift::new);
        register(FriendFoe.SPEC, FriendFoe::new);
        register(IslandNavigation.SPEC, IslandNavigation::new);
        register(RocksDiamonds.SPEC, RocksDiamonds::new);
        register(SafeInterruptibility.SPEC, SafeInterruptibility::new);
        register(SideEffectsSokoban.SPEC, SideEffectsSokoban::new);
        register(TomatoWatering.SPEC, TomatoWatering::new);
        register(WhiskyGold.SPEC, WhiskyGold::new);

        // Deceptive-alignment organisms (issue 9).
        register(ComplianceRequests.SPEC, ComplianceRequests::new);
    }

    private EnvRegistry() {
    }

    private static void register(EnvSpec spec, Function<Params, Environment> factory) {
        if (ENTRIES.putIfAbsent(spec.id(), new Entry(spec, factory)) != null) {
            throw new IllegalStateException("duplicate environment id " + spec.id());
        }
    }

    /** Every registered id, in registration order. */
    public static Map<String, Entry> entries() {
        return Collections.unmodifiableMap(ENTRIES);
    }

    /** The spec of {@code id}, or null when no such environment is registered. */
    public static EnvSpec spec(String id) {
        Entry e = ENTRIES.get(id);
        return e == null ? null : e.spec();
    }

    /** A new instance of {@code id} with the given parameters. */
    public static Environment create(String id, Params params) {
        Entry e = ENTRIES.get(id);
        if (e == null) {
            throw new IllegalArgumentException("unknown environment '" + id + "'; known: " + ENTRIES.keySet());
        }
        return e.factory().apply(params);
    }

    /** A new instance of {@code id} with default parameters except {@code overrides}. */
    public static Environment create(String id, Map<String, ?> overrides) {
        EnvSpec spec = spec(id);
        if (spec == null) {
            throw new IllegalArgumentException("unknown environment '" + id + "'; known: " + ENTRIES.keySet());
        }
        return create(id, Params.resolve(spec, overrides));
    }
}
