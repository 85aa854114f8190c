package io.concordat.kit.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The shape every service keeps: rules in {@code domain} with no framework, storage, API or
 * messaging in them; and no service depending on another (only on events and the kit).
 */
public final class ArchitectureRules {

    private static final List<String> SERVICES = List.of("tenants", "opportunities", "hosting", "reporting",
            "partnerevents", "portal", "gateway");

    private ArchitectureRules() {
    }

    /** Checks the service whose base package is {@code io.concordat.<service>}. */
    public static void verify(String service) {
        String base = "io.concordat." + service;
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base);

        ArchRule domainIsPlain = noClasses().that().resideInAPackage(base + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta..", "java.sql..",
                        base + ".api..", base + ".store..", base + ".messaging..", "io.concordat.kit..")
                .allowEmptyShould(true)
                .because("the domain holds the rules, free of framework, storage, API and messaging");
        domainIsPlain.check(classes);

        String[] others = SERVICES.stream().filter(s -> !s.equals(service)).map(s -> "io.concordat." + s + "..")
                .toArray(String[]::new);
        ArchRule noServiceDependsOnAnother = noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services share only event contracts and the kit; what one needs of another it learns from events");
        noServiceDependsOnAnother.check(classes);
    }

    /**
     * Checks the layering of a write service: {@code api} and {@code messaging} both call the use
     * cases in {@code app} and never each other; only {@code app} publishes events; no controller
     * depends on another.
     */
    public static void verifyLayering(String service) {
        String base = "io.concordat." + service;
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base);
        noClasses().that().resideInAPackage(base + ".api..").should().dependOnClassesThat()
                .resideInAnyPackage(base + ".messaging..").allowEmptyShould(true)
                .because("api and messaging both call app, not each other").check(classes);
        noClasses().that().resideInAPackage(base + ".messaging..").should().dependOnClassesThat()
                .resideInAnyPackage(base + ".api..").allowEmptyShould(true)
                .because("api and messaging both call app, not each other").check(classes);
        noClasses().that().resideInAPackage(base + ".api..").should().dependOnClassesThat()
                .areAssignableTo("io.concordat.kit.outbox.EventPublisher")
                .allowEmptyShould(true).because("a use case in app publishes the facts it made").check(classes);
        noClasses().that().resideInAPackage(base + ".api..").and().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(base + ".api..")
                        .and(JavaClass.Predicates.simpleNameEndingWith("Controller")))
                .allowEmptyShould(true).because("no controller depends on another").check(classes);
    }
}
