package io.concordat.reporting.api;

import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.reporting.store.PipelineStore;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Map;

@Controller("/api/v1/reporting")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class PipelineController {

    private final TenantTransactions transactions;
    private final PipelineStore pipeline;

    public PipelineController(TenantTransactions transactions, PipelineStore pipeline) {
        this.transactions = transactions;
        this.pipeline = pipeline;
    }

    /** The caller's own authority's pipeline. */
    @Get("/pipeline")
    public PipelineView pipeline(Caller caller) {
        return transactions.read(caller, connection -> {
            Map<String, Long> byStage = pipeline.countByStage();
            return new PipelineView(caller.requireAuthority(), byStage.values().stream().mapToLong(Long::longValue).sum(),
                    byStage, pipeline.countByServiceArea());
        });
    }
}
