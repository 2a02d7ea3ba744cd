package org.innerlab.core;

/** A component a {@link Registry} holds: it describes itself with a {@link ComponentInfo}. */
public interface Registered {
    ComponentInfo info();

    /** The id a scenario writes. */
    default String id() {
        return info().id();
    }
}
