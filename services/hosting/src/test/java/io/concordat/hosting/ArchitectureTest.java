package io.concordat.hosting;

import io.concordat.kit.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsTheDomainPlainAndDependsOnNoOtherService() {
        ArchitectureRules.verify("hosting");
    }

    @Test
    void controllersCallUseCasesAndOnlyUseCasesPublish() {
        ArchitectureRules.verifyLayering("hosting");
    }
}
