package org.servicecharter.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/**
 * The answers of {@link EngineRestClientErrors} that the running application no longer provokes: the deployment gate
 * ({@code FormCheck}) is as strict as the engine's form parser today, so a form the engine cannot parse (ENGINE-09033)
 * only reaches the mappers if the two ever disagree; it must still be the caller's 400, naming the file.
 */
class EngineRestClientErrorsTests {

    @Test
    void aFormTheEngineCannotParseIs400NamingTheFileAndWhere() {
        ProcessEngineException engine = new ProcessEngineException("ENGINE-09033 Could not parse Camunda Form resource forms/leave.form. "
                + "Cause: camundajar.impl.com.google.gson.stream.MalformedJsonException: Use JsonReader.setLenient(true) to accept "
                + "malformed JSON at line 3 column 7 path $.components");

        Response answer = EngineRestClientErrors.answer(new ProcessEngineException("deployment failed", engine), null);

        assertThat(answer.getStatus()).isEqualTo(400);
        @SuppressWarnings("unchecked")
        String message = (String) ((Map<String, Object>) answer.getEntity()).get("message");
        assertThat(message).startsWith("The form forms/leave.form is not valid JSON (at line 3, column 7)")
                .contains("form editor").doesNotContain("camundajar", "setLenient");
    }

    @Test
    void otherEngineErrorsAreLeftToTheOtherMappers() {
        assertThat(EngineRestClientErrors.answer(new ProcessEngineException("ENGINE-03005 Something else"), null)).isNull();
    }
}
