package org.innerlab.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The components of one kind (learners, regimes, raters, metrics, ...) by id, in registration order.
 *
 * <p>A new component is one file plus one line: its class declares its {@link Registered} entry
 * and the kind's registry lists it, or code outside the main packages (an extension, a test) calls
 * {@link #register} once before it loads a scenario that names it. Registration is rare and reads
 * are many and from many threads, so reads see an immutable snapshot.
 *
 * @param <T> the kind's entry type
 */
public final class Registry<T extends Registered> {
    private final String kind;
    private final Map<String, T> entries = new LinkedHashMap<>();
    private volatile List<T> snapshot = List.of();
    /**
     * The snapshot by id: scenario loading looks an id up several times per load (and per sweep point),
     * and an entry's id may be built on each call ({@link Registered#id()}), so a scan was a cost.
     */
    private volatile Map<String, T> byId = Map.of();

    /** @param kind what one entry is called in messages, e.g. {@code "learner type"} or {@code "regime"} */
    public Registry(String kind) {
        this.kind = kind;
    }

    /** What one entry is called in messages. */
    public String kind() {
        return kind;
    }

    /**
     * Adds {@code entry}.
     *
     * @return the entry, so a class can register and keep it in one expression
     * @throws IllegalStateException when its id is already registered
     */
    public synchronized T register(T entry) {
        String id = entry.id();
        if (entries.containsKey(id)) {
            throw new IllegalStateException("duplicate " + kind + " id '" + id + "'");
        }
        entries.put(id, entry);
        snapshot = List.copyOf(entries.values());
        byId = Map.copyOf(entries);
        return entry;
    }

    /** The entry with {@code id}, or null. */
    public T find(String id) {
        return id == null ? null : byId.get(id);
    }

    /**
     * The entry with {@code id}.
     *
     * @throws IllegalArgumentException naming the unknown id and the known ones
     */
    public T require(String id) {
        T entry = find(id);
        if (entry == null) {
            throw new IllegalArgumentException("unknown " + kind + " '" + id + "'; known: " + ids());
        }
        return entry;
    }

    /** Every entry, in registration order. */
    public List<T> all() {
        return snapshot;
    }

    /** Every id, in registration order. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (T entry : snapshot) {
            ids.add(entry.id());
        }
        return ids;
    }
}
