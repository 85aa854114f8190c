package io.concordat.portal.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * The front page. The portal's pages grow from here; for now it tells a visitor what the
 * platform is and where its API lives.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class HomeController {

    private static final String HOME = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Concordat: shared services across councils</title>
            </head>
            <body>
              <main>
                <h1>Concordat</h1>
                <p>Councils and other public bodies find, agree, run and report on shared services here.</p>
                <h2>For partner systems and scripts</h2>
                <ul>
                  <li><code>/api/v1/tenants/authorities</code>: the authorities on the platform</li>
                  <li><code>/api/v1/tenants/regions</code>: the regions they collaborate in</li>
                  <li><code>/api/v1/opportunities</code>: your authority's opportunities</li>
                  <li><code>/api/v1/reporting/pipeline</code>: your authority's pipeline</li>
                </ul>
                <p>Every API call needs a bearer token from the Concordat sign-in service.</p>
              </main>
            </body>
            </html>
            """;

    @Get
    @Produces(MediaType.TEXT_HTML)
    public String home() {
        return HOME;
    }
}
