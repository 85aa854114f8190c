package io.concordat.kit.apidocs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the service's own OpenAPI document, generated at build time, to the gateway, which puts
 * every service's together at {@code /api/docs}. Only the gateway reaches a service's port, and the
 * document describes what anyone may read there, so it needs no token.
 */
@Hidden
@Controller("/openapi")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(resources = "classpath:" + ApiDocumentController.DOCUMENT)
public class ApiDocumentController {

    /** Where the build writes the document (micronaut-openapi's {@code filename} option). */
    public static final String DOCUMENT = "META-INF/swagger/openapi.json";

    private final byte[] document;

    public ApiDocumentController() {
        try (InputStream in = ApiDocumentController.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not on the class path");
            }
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(uri = "/openapi.json", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> document() {
        return HttpResponse.ok(document);
    }
}
