package io.concordat.opportunities;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.kit.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.concordat.opportunities");

    @Test
    void keepsTheDomainPlainAndDependsOnNoOtherService() {
        ArchitectureRules.verify("opportunities");
    }

    @Test
    void controllersCallUseCasesAndOnlyUseCasesPublish() {
        noClasses().that().resideInAPackage("..opportunities.api..").should().dependOnClassesThat()
                .resideInAnyPackage("..opportunities.messaging..").because("api and messaging both call app, not each other")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..opportunities.messaging..").should().dependOnClassesThat()
                .resideInAnyPackage("..opportunities.api..").because("api and messaging both call app, not each other")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..opportunities.api..").should().dependOnClassesThat()
                .areAssignableTo(EventPublisher.class).because("a use case in app publishes the facts it made")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..opportunities.api..").and().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("..opportunities.api..")
                        .and(JavaClass.Predicates.simpleNameEndingWith("Controller")))
                .because("no controller depends on another").check(CLASSES);
    }
}
