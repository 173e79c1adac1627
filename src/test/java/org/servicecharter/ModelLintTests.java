package org.servicecharter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Lints every model in {@code processes/} with the rules Camunda Modeler applies (bpmnlint recommended plus
 * camunda-compat for Camunda Platform 7.24), by running {@code node lint/lint-models.js}. Needs Node.js and the
 * linter installed once with {@code npm ci --prefix lint}; without them this test fails rather than skips, so a
 * build never passes without the models having been linted.
 */
class ModelLintTests {

    private static final Path LINT_DIR = Path.of("lint");
    private static final String INSTALL_HINT = "run `npm ci --prefix lint` from the project root";

    @Test
    void everyModelPassesTheModelersLintRules() throws Exception {
        assertThat(LINT_DIR.resolve("lint-models.js")).as("the lint script").exists();
        if (!Files.isDirectory(LINT_DIR.resolve("node_modules").resolve("bpmnlint"))) {
            fail("The BPMN linter is not installed (lint/node_modules is missing): " + INSTALL_HINT);
        }

        Process process;
        try {
            process = new ProcessBuilder("node", LINT_DIR.resolve("lint-models.js").toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            fail("Cannot run `node` (is Node.js installed and on the PATH?), then " + INSTALL_HINT + ": " + e.getMessage());
            return;
        }
        String output = readAll(process.getInputStream());
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("The model lint did not finish within two minutes:\n" + output);
        }
        System.out.println(output);

        assertThat(process.exitValue())
                .as("exit code of `node lint/lint-models.js`; its report:%n%s", output)
                .isZero();
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
