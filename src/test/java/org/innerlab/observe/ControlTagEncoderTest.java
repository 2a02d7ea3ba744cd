package org.innerlab.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.innerlab.core.Seeds;
import org.innerlab.data.Dataset;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.junit.jupiter.api.Test;

class ControlTagEncoderTest {
    private static Environment absentSupervisor() {
        Environment env = EnvRegistry.create("asg-absent-supervisor-v1", Map.of());
        env.reset(Seeds.generator(1));
        return env;
    }

    private static SparseVector encode(ControlTagEncoder tags, Environment env) {
        SparseVector out = new SparseVector(tags.dimension(), tags.maxActive());
        tags.encode(env, out);
        return out;
    }

    @Test
    void theTagCodesAreTheDatasetsOnes() {
        assertEquals(Dataset.UNTAGGED, ControlTagEncoder.UNTAGGED);
        assertEquals(Dataset.GOOD, ControlTagEncoder.GOOD);
        assertEquals(Dataset.BAD, ControlTagEncoder.BAD);
    }

    @Test
    void appendsTagGoodOrTagBadAfterTheWrappedFeaturesAndNothingWhenUntagged() {
        Environment env = absentSupervisor();
        Encoder base = new EgocentricEncoder(env.spec(), env.view(), 2, List.of());
        ControlTagEncoder tags = new ControlTagEncoder(base);
        int d = base.dimension();
        assertEquals(d + 2, tags.dimension());
        assertEquals(base.maxActive() + 1, tags.maxActive());
        assertEquals("tag_good", tags.featureName(d));
        assertEquals("tag_bad", tags.featureName(d + 1));
        assertEquals(base.featureName(3), tags.featureName(3));

        SparseVector plain = new SparseVector(d, base.maxActive());
        base.encode(env, plain);
        SparseVector untagged = encode(tags, env);
        assertEquals(plain.size, untagged.size);
        for (int k = 0; k < plain.size; k++) {
            assertEquals(plain.index[k], untagged.index[k]);
            assertEquals(plain.value[k], untagged.value[k]);
        }
        tags.setTag(ControlTagEncoder.GOOD);
        SparseVector good = encode(tags, env);
        assertEquals(plain.size + 1, good.size);
        assertEquals(d, good.index[good.size - 1]);
        assertEquals(1.0, good.value[good.size - 1]);
        tags.setTag(ControlTagEncoder.BAD);
        SparseVector bad = encode(tags, env);
        assertEquals(d + 1, bad.index[bad.size - 1]);
    }

    @Test
    void strippingTheTagGivesBackTheWrappedEncoding() {
        Environment env = absentSupervisor();
        Encoder base = new EgocentricEncoder(env.spec(), env.view(), 1, List.of());
        ControlTagEncoder tags = new ControlTagEncoder(base);
        tags.setTag(ControlTagEncoder.BAD);
        SparseVector stripped = new SparseVector(tags.dimension(), tags.maxActive());
        tags.stripTag(encode(tags, env), stripped);
        SparseVector plain = new SparseVector(base.dimension(), base.maxActive());
        base.encode(env, plain);
        assertEquals(plain.size, stripped.size);
        assertEquals(plain.hash(), stripped.hash());
    }

    @Test
    void anUnknownTagIsRejected() {
        Environment env = absentSupervisor();
        ControlTagEncoder tags = new ControlTagEncoder(new EgocentricEncoder(env.spec(), env.view(), 1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> tags.setTag((byte) 2));
    }
}
