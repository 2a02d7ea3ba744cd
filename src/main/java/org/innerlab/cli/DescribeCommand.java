package org.innerlab.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.innerlab.core.BadInputException;
import org.innerlab.report.ComponentDescription;
import org.innerlab.report.ComponentIndex;
import org.innerlab.report.ComponentDescription.Kind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code innerlab describe}: one component's summary, paper, parameters and what it combines with. */
@Command(name = "describe", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Describe a component: an environment, learner type, encoder, regime, rater, curation "
                + "operator, persona or metric.",
                "Shows its summary, the paper it follows, its parameters (type, default, range, meaning) and what "
                        + "it can be combined with. An id that names components of several kinds describes each; "
                        + "--kind picks one. A persona is <environment>/<persona>, or its name alone (every "
                        + "environment's persona of that name)."},
        footer = {"", "Examples:", "  innerlab describe asg-absent-supervisor-v1", "  innerlab describe ppo",
                "  innerlab describe asg-absent-supervisor-v1/sneaky", "  innerlab describe --kind metric steps",
                "  innerlab describe --json mlp", "", "Exit codes: 0 success, 2 unknown id, 1 anything else."})
public final class DescribeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "the id, as innerlab list shows it")
    String id;

    @Option(names = "--kind", paramLabel = "KIND", converter = KindConverter.class,
            description = "only this kind: environment, learner, encoder, regime, rater, curation, persona, metric")
    Kind kind;

    @Option(names = "--json", description = "print JSON for tools instead of text (an array of descriptions)")
    boolean json;

    @Override
    public Integer call() {
        List<ComponentDescription> found = ComponentIndex.matching(id, kind);
        if (found.isEmpty()) {
            throw new BadInputException(ComponentIndex.unknown(id, kind));
        }
        if (json) {
            spec.commandLine().getOut().print(ComponentDescription.json(found));
        } else {
            for (int i = 0; i < found.size(); i++) {
                spec.commandLine().getOut().print((i == 0 ? "" : "\n") + found.get(i).text());
            }
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** A kind by its name or plural: {@code learner}, {@code learners}, {@code metric}, ... */
    static final class KindConverter implements picocli.CommandLine.ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            Kind kind = ComponentIndex.kindNamed(value);
            if (kind == null) {
                throw new picocli.CommandLine.TypeConversionException("expected one of environment, learner, "
                        + "encoder, regime, rater, curation, persona, metric; got '" + value + "'");
            }
            return kind;
        }
    }
}
