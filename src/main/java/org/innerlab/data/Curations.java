package org.innerlab.data;

import org.innerlab.core.Registry;

/** The curation operators {@code data.curation} can list: one line per operator, in the order {@code innerlab list} shows them. */
public final class Curations {
    public static final Registry<CurationType> REGISTRY = new Registry<>("curation operator");

    static {
        REGISTRY.register(Filter.TYPE);
        REGISTRY.register(Tag.TYPE);
        REGISTRY.register(Edit.TYPE);
        REGISTRY.register(Refuse.TYPE);
        REGISTRY.register(Upsample.TYPE);
    }

    private Curations() {
    }
}
