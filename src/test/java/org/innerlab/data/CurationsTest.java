package org.innerlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.innerlab.core.ParamSet;
import org.junit.jupiter.api.Test;

class CurationsTest {
    @Test
    void operatorsAreListedInTheirHistoricalOrder() {
        assertEquals(List.of("filter", "tag", "edit", "refuse", "upsample"), Curations.TYPES.ids());
    }

    @Test
    void upsampleChoosesAmongTheEnvironmentsPersonas() {
        CurationType upsample = Curations.TYPES.require("upsample");
        assertEquals(List.of("any"), upsample.info().params().get(0).choices());
        assertEquals(List.of("any", "aligned", "shortcut"), upsample.params(List.of("aligned", "shortcut")).get(0).choices());
        Map<String, Object> p = ParamSet.resolve("upsample", upsample.params(List.of("aligned", "shortcut")),
                Map.of("persona", "shortcut", "tag", "bad", "factor", 3));
        assertEquals(new Upsample("shortcut", Dataset.BAD, 3), upsample.create(p));
    }

    @Test
    void aResolvedFilterIsTheRecordItDeclares() {
        CurationType filter = Curations.TYPES.require("filter");
        Map<String, Object> p = ParamSet.resolve("filter", filter.params(List.of()), Map.of("unit", "step"));
        assertEquals(new Filter(0.0, Curation.Unit.STEP), filter.create(p));
    }
}
