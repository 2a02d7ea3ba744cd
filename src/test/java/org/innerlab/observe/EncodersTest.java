package org.innerlab.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.junit.jupiter.api.Test;

class EncodersTest {
    @Test
    void everyEncoderIsRegisteredOnce() {
        assertEquals(List.of("egocentric", "full-board", "control-tags"), Encoders.TYPES.ids());
    }

    @Test
    void theControlTagWrapperAddsTwoInputsToTheEncoderItWraps() {
        Environment env = EnvRegistry.create("asg-absent-supervisor-v1", Map.of());
        EncoderContext context = new EncoderContext(env, 1, List.of("supervisor_present"), null);
        Encoder window = Encoders.TYPES.require("egocentric").create(context);
        assertTrue(window instanceof EgocentricEncoder);
        Encoder tagged = ControlTagEncoder.TYPE.create(context.wrapping(window));
        assertEquals(window.dimension() + 2, tagged.dimension());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ControlTagEncoder.TYPE.create(context));
        assertEquals("encoder 'control-tags' wraps another encoder; none was given", e.getMessage());
    }
}
