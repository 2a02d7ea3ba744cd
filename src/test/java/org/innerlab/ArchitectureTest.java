package org.innerlab;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package picture of {@code docs/architecture.md} holds for the main code: arrows point down, a
 * package may import any package below it and none above; {@code report} and {@code experiment} are
 * siblings that do not import each other; no package cycle; picocli only in {@code cli}, JFreeChart only
 * in {@code report}, H2 only in {@code index}, Jackson only in the one IO class of each concern. Two finer arrows of issue 14:
 * a learner does not see the environment, and metrics use learner capabilities, not concrete learners.
 *
 * <pre>
 * cli
 * gui
 * lab
 * index
 * report   experiment
 * scenario
 * inspect
 * measure
 * regime
 * rater
 * data
 * learner
 * observe
 * env
 * core
 * </pre>
 *
 * <p>A dependency that breaks a rule today and is being removed by other work of issue 14 is excepted
 * where the rule is written, with its class and reason: delete the exception when its work lands.
 */
class ArchitectureTest {
    /** The layers from the top down; the layers of one row are siblings and may not import each other. */
    private static final List<List<String>> LEVELS = List.of(
            List.of("cli"),
            List.of("gui"),
            List.of("lab"),
            List.of("index"),
            List.of("report", "experiment"),
            List.of("scenario"),
            List.of("inspect"),
            List.of("measure"),
            List.of("regime"),
            List.of("rater"),
            List.of("data"),
            List.of("learner"),
            List.of("observe"),
            List.of("env"),
            List.of("core"));

    /** The only classes that use Jackson (with their nested classes): one IO place per concern. */
    private static final List<String> JACKSON_USERS = List.of(
            "org.innerlab.scenario.YamlReader",   // reading scenario YAML, with line and column
            "org.innerlab.report.Json",           // writing JSON: manifest.json, innerlab list --json
            "org.innerlab.report.RunFolder",      // reading a run folder back (its manifest.json)
            "org.innerlab.env.ReplayProtocol",    // replay requests and answers (innerlab replay)
            "org.innerlab.observe.ServeProtocol"); // serve requests and responses (innerlab serve)

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.innerlab");
    }

    @Test
    void noPackageDependsOnOneAboveItOrOnASibling() {
        LayeredArchitecture layers = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (List<String> level : LEVELS) {
            for (String layer : level) {
                layers = layers.layer(layer).definedBy("org.innerlab." + layer + "..");
            }
        }
        List<String> above = new ArrayList<>();
        for (List<String> level : LEVELS) {
            for (String layer : level) {
                layers = above.isEmpty() ? layers.whereLayer(layer).mayNotBeAccessedByAnyLayer()
                        : layers.whereLayer(layer).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
            }
            above.addAll(level);
        }
        layers.check(main);
    }

    @Test
    void noPackageCycle() {
        slices().matching("org.innerlab.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void picocliOnlyInCli() {
        noClasses().that().resideOutsideOfPackage("org.innerlab.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..").check(main);
    }

    @Test
    void jfreeChartOnlyInReport() {
        noClasses().that().resideOutsideOfPackage("org.innerlab.report..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jfree..").check(main);
    }

    @Test
    void h2OnlyInTheRunIndex() {
        noClasses().that().resideOutsideOfPackage("org.innerlab.index..")
                .should().dependOnClassesThat().resideInAPackage("org.h2..").check(main);
    }

    @Test
    void jacksonOnlyInTheIoClassOfEachConcern() {
        noClasses().that(are(not(oneOf(JACKSON_USERS))))
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..").check(main);
    }

    /**
     * A learner sees only its encoder's observation, never the {@code Environment} and its hidden facts
     * (issue 14 item 4): of {@code env}, {@code learner} may read only the static {@code EnvSpec} (action
     * names, for a factory), though the picture alone would allow more.
     */
    @Test
    void learnersDoNotSeeTheEnvironment() {
        noClasses().that().resideInAPackage("org.innerlab.learner..")
                .should().dependOnClassesThat(resideInAPackage("org.innerlab.env..")
                        .and(not(oneOf(List.of("org.innerlab.env.EnvSpec")))))
                .check(main);
    }

    /** Metrics depend on learner capabilities (interfaces), not on concrete learners (issue 14 item 4). */
    @Test
    void metricsDependOnLearnerCapabilitiesOnly() {
        noClasses().that().resideInAPackage("org.innerlab.measure..")
                .should().dependOnClassesThat(resideInAPackage("org.innerlab.learner..").and(not(INTERFACES)))
                .check(main);
    }

    /** The classes named, with their nested and anonymous classes. */
    private static DescribedPredicate<JavaClass> oneOf(List<String> names) {
        return DescribedPredicate.describe("one of " + names, c -> names.stream()
                .anyMatch(n -> c.getName().equals(n) || c.getName().startsWith(n + "$")));
    }
}
