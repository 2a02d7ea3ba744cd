package org.innerlab.data;

import java.util.ArrayList;
import java.util.List;
import org.innerlab.env.Environment;
import org.innerlab.learner.PersonaView;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;

/**
 * A persona mixture's observation: the scenario's encoder, remembering the environment it encoded last
 * so that the environment's planning teachers can say how each persona would act there. The learner sees
 * the personas' answers, never the environment. Allocation-free.
 */
public final class PersonaSight implements PersonaView {
    private final Encoder base;
    private final Teacher[] teachers;
    private final List<String> names;
    private Environment last;

    /**
     * @param base     the scenario's encoder
     * @param teachers one teacher per persona, the aligned one first
     */
    public PersonaSight(Encoder base, List<? extends Teacher> teachers) {
        this.base = base;
        this.teachers = teachers.toArray(new Teacher[0]);
        List<String> names = new ArrayList<>();
        for (Teacher t : teachers) {
            names.add(t.persona());
        }
        this.names = List.copyOf(names);
    }

    /** The sight of a mixture over {@code personas}' unconditional personas ({@link Personas#unconditional()}). */
    public static PersonaSight of(Encoder base, Personas personas) {
        return new PersonaSight(base, personas.unconditional().stream().map(personas::teacher).toList());
    }

    @Override
    public int dimension() {
        return base.dimension();
    }

    @Override
    public int maxActive() {
        return base.maxActive();
    }

    @Override
    public void encode(Environment env, SparseVector out) {
        last = env;
        base.encode(env, out);
    }

    @Override
    public String featureName(int i) {
        return base.featureName(i);
    }

    @Override
    public List<String> personas() {
        return names;
    }

    @Override
    public void policy(int persona, double[] out) {
        teachers[persona].policy(last, out);
    }

    @Override
    public Object world() {
        return last;
    }

    @Override
    public int episodeSteps() {
        return last.episodeSteps();
    }
}
