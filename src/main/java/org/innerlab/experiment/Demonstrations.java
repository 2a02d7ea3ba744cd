package org.innerlab.experiment;

import java.util.ArrayList;
import java.util.List;
import org.innerlab.core.Seeds;
import org.innerlab.data.Curation;
import org.innerlab.data.CurationCatalog;
import org.innerlab.data.Dataset;
import org.innerlab.data.DatasetGenerator;
import org.innerlab.data.Personas;
import org.innerlab.env.Environment;
import org.innerlab.observe.Encoder;
import org.innerlab.scenario.DataConfig;
import org.innerlab.scenario.Scenario;

/**
 * The dataset a scenario's {@code data} section describes, for one run: its teacher mix plays
 * {@code episodes} episodes of the section's distribution (streams {@code data/*} of the run), encoded
 * as the learner sees them, then the curation operators apply in order.
 */
final class Demonstrations {
    private Demonstrations() {
    }

    /** The run's dataset; the scenario must have a data section. */
    static Dataset generate(Scenario scenario, Encoder encoder, Seeds seeds) {
        DataConfig dc = scenario.data();
        Environment env = Organism.environment(scenario, dc.distribution());
        Personas personas = Personas.forEnvironment(env.spec());
        List<DatasetGenerator.Share> mix = new ArrayList<>();
        for (DataConfig.Share s : dc.teachers()) {
            mix.add(new DatasetGenerator.Share(s.persona(), s.weight()));
        }
        Dataset raw = new DatasetGenerator(env, encoder, personas, mix, dc.noise()).generate(dc.episodes(), seeds);
        List<Curation> operators = new ArrayList<>();
        for (DataConfig.Step step : dc.curation()) {
            operators.add(CurationCatalog.create(step.operator(), step.params()));
        }
        Curation.Context context = new Curation.Context(Organism.environment(scenario, dc.distribution()), encoder,
                personas.teacher("aligned"), seeds);
        return Curation.pipeline(operators).apply(raw, context);
    }
}
