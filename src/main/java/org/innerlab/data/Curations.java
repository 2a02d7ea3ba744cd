package org.innerlab.data;

import org.innerlab.core.Registry;

/** The curation operators {@code data.curation} can list: one line per operator, in the order {@code innerlab list} shows them. */
public final class Curations {
    public static final Registry<CurationType> TYPES = new Registry<>("curation operator");

    static {
        TYPES.register(Filter.TYPE);
        TYPES.register(Tag.TYPE);
        TYPES.register(Edit.TYPE);
        TYPES.register(Refuse.TYPE);
        TYPES.register(Upsample.TYPE);
    }

    private Curations() {
    }
}
