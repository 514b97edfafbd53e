// The API description page (/docs): Swagger UI, vendored, over this server's /openapi.json.
// A file rather than an inline script, so that the page keeps the site's Content-Security-Policy.
"use strict";
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null, // no call to an outside validator
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
});
