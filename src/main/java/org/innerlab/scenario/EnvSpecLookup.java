package org.innerlab.scenario;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.EnvSpec;

/**
 * Where the loader finds environment specs. Any {@code Function<String, EnvSpec>} will do (null for
 * an unknown id); one that is also an {@code EnvSpecLookup} lists its ids, so that an unknown id gets
 * a "did you mean" suggestion.
 */
@FunctionalInterface
public interface EnvSpecLookup extends Function<String, EnvSpec> {

    /** The ids this lookup knows, for suggestions; empty when it cannot list them. */
    default Collection<String> ids() {
        return List.of();
    }

    /** The registered environments of {@link EnvRegistry}. */
    static EnvSpecLookup registry() {
        return new EnvSpecLookup() {
            @Override
            public EnvSpec apply(String id) {
                return EnvRegistry.spec(id);
            }

            @Override
            public Collection<String> ids() {
                return EnvRegistry.entries().keySet();
            }
        };
    }

    /** Exactly {@code specs} (e.g. test environments). */
    static EnvSpecLookup of(EnvSpec... specs) {
        Map<String, EnvSpec> byId = new LinkedHashMap<>();
        for (EnvSpec s : specs) {
            byId.put(s.id(), s);
        }
        return new EnvSpecLookup() {
            @Override
            public EnvSpec apply(String id) {
                return byId.get(id);
            }

            @Override
            public Collection<String> ids() {
                return List.copyOf(byId.keySet());
            }
        };
    }
}
