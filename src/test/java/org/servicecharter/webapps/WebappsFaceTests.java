package org.servicecharter.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web apps' customisation files as a browser fetches them: Camunda's own settings kept, the department's name and
 * colour added, the vendor's banner hidden; and settings that would inject script or style refused at start-up.
 */
@ServiceCharterTest
class WebappsFaceTests {

    @LocalServerPort int port;

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyAppGetsTheNameAndLosesTheBanner(String app) {
        Http.Response config = Http.anonymous(port).get("/camunda/app/" + app + "/scripts/config.js");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.headers().get("Content-Type").get(0)).startsWith("text/javascript");
        assertThat(config.body()).contains("export default {").contains("app: {name: \"" + Character.toUpperCase(app.charAt(0)) + app.substring(1) + "\", vendor: \"Service Charter\"}");
        Http.Response styles = Http.anonymous(port).get("/camunda/app/" + app + "/styles/user-styles.css");
        assertThat(styles.status()).isEqualTo(200);
        assertThat(styles.headers().get("Content-Type").get(0)).startsWith("text/css");
        assertThat(styles.body()).contains(".ce-eol-banner { display: none !important; }").contains("#1a5e8c");
    }

    @Test
    void aConfiguredLogoAndDateFormatReachTheStylesAndTheConfig() {
        WebappsFace face = new WebappsFace(new WebappsProperties("Charter", "/branding/logo.svg", "#0a0", "DD.MM.YYYY HH:mm"), "/camunda");
        assertThat(face.styles("/* Camunda's */")).startsWith("/* Camunda's */")
                .contains("background: url(\"/branding/logo.svg\")").contains("border-bottom: 4px solid #0a0");
        assertThat(face.config("cockpit", "export default {\n};"))
                .contains("dateFormat: {normal: \"DD.MM.YYYY HH:mm\", long: \"DD.MM.YYYY HH:mm\"}").endsWith("};");
    }

    @Test
    void camundasOwnSettingsStay() {
        assertThat(Http.anonymous(port).get("/camunda/app/tasklist/scripts/config.js").body())
                .contains("claimTask").contains("ctrl+alt+c");
    }

    @Test
    void tasklistLoadsTheScriptThatMakesFormsLoseNothing() {
        Http.Response config = Http.anonymous(port).get("/camunda/app/tasklist/scripts/config.js");
        assertThat(config.body()).contains("customScripts: [\"scripts/return-after-login\", \"scripts/forms-lose-nothing\"],");
        // Tasklist imports it as /camunda/app/tasklist/ + name + .js?bust=<version>
        Http.Response script = Http.anonymous(port).get("/camunda/app/tasklist/scripts/forms-lose-nothing.js?bust=7.24.0");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.headers().get("Content-Type").get(0)).startsWith("text/javascript");
        assertThat(script.body()).contains("debounce: false").contains("webpackChunkcamunda_bpm_webapp");
        for (String app : java.util.List.of("cockpit", "admin", "welcome")) {
            assertThat(Http.anonymous(port).get("/camunda/app/" + app + "/scripts/config.js").body()).as(app)
                    .contains("customScripts: [\"scripts/return-after-login\"],").doesNotContain("forms-lose-nothing");
            assertThat(Http.anonymous(port).get("/camunda/app/" + app + "/scripts/return-after-login.js").status()).as(app)
                    .isEqualTo(200);
            assertThat(Http.anonymous(port).get("/camunda/app/" + app + "/scripts/forms-lose-nothing.js").status()).as(app)
                    .isEqualTo(404);
        }
    }

    @Test
    void aTasklistConfigThatNamesCustomScriptsItselfIsNotSilentlyOverridden() {
        WebappsFace face = new WebappsFace(new WebappsProperties("Charter", "", "", ""), "/camunda");
        assertThatThrownBy(() -> face.config("tasklist", "export default {\n  customScripts: ['theirs']\n};"))
                .hasMessageContaining("names custom scripts itself");
        assertThat(face.config("tasklist", "export default {\n  // customScripts: [\n};"))
                .contains("customScripts: [\"scripts/return-after-login\", \"scripts/forms-lose-nothing\"]");
    }

    @Test
    void theAppsThemselvesAreServedAsBefore() {
        Http.Response index = Http.anonymous(port).get("/camunda/app/tasklist/default/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("user-styles.css");
    }

    @Test
    void settingsThatWouldInjectAreRefusedWithASentence() {
        assertThatThrownBy(() -> new WebappsProperties("X", "", "red;} body{display:none", ""))
                .hasMessageContaining("servicecharter.webapps.colour must be a colour");
        assertThatThrownBy(() -> new WebappsProperties("X", "javascript:alert(1)", "", ""))
                .hasMessageContaining("logo-url must be a path on this server");
        assertThatThrownBy(() -> new WebappsProperties("X", "/logo.svg\") ; x(", "", ""))
                .hasMessageContaining("logo-url");
        assertThatThrownBy(() -> new WebappsProperties(" ", "", "", "")).hasMessageContaining("name must be");
        // a name with quotes and markup is data: a JSON string in the script, '<' escaped
        WebappsFace face = new WebappsFace(new WebappsProperties("A \"B\" </script>", "", "", ""), "/camunda");
        assertThat(face.config("tasklist", "export default {\n};")).contains("vendor: \"A \\\"B\\\" \\u003c/script>\"");
        assertThat(face.styles("")).contains("content: \"A \\22 B\\22  \\3c /script>\"");
    }
}
