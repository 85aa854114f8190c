// Starts Swagger UI over the gateway's document; kept out of the page so that no inline script is needed.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/docs/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    // no badge from validator.swagger.io: nothing is loaded from another site, nor told where the document is
    validatorUrl: null
  });
});
