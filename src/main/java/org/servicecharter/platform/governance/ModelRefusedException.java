package org.servicecharter.platform.governance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment refused by the model gate. A {@link ParseException}, so the engine REST API answers {@code 400}
 * with one report per file in {@code details} (what Camunda Modeler shows), and the message lists every problem
 * as a sentence naming file, element and attribute.
 */
public class ModelRefusedException extends ParseException {

    private static final long serialVersionUID = 1L;

    private final transient List<ModelProblem> problems;

    public ModelRefusedException(List<ModelProblem> problems) {
        this(problems, "");
    }

    /** With a closing sentence said once for all problems (e.g. what models may use instead). */
    public ModelRefusedException(List<ModelProblem> problems, String closing) {
        super(message(problems) + (closing.isEmpty() ? "" : " — " + closing), problems.get(0).resource(),
                List.copyOf(problems), List.of());
        this.problems = List.copyOf(problems);
        Map<String, List<Problem>> byResource = new LinkedHashMap<>();
        for (ModelProblem problem : problems) {
            byResource.computeIfAbsent(problem.resource(), r -> new ArrayList<>()).add(problem);
        }
        resorceReports = new ArrayList<>();
        byResource.forEach((resource, errors) -> resorceReports.add(new Report(resource, errors)));
    }

    public List<ModelProblem> problems() {
        return problems;
    }

    private static String message(List<ModelProblem> problems) {
        return "The deployment was refused (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "): "
                + problems.stream().map(ModelProblem::sentence).collect(Collectors.joining(" — "));
    }

    private record Report(String resourceName, List<Problem> errors) implements ResourceReport {
        @Override
        public String getResourceName() {
            return resourceName;
        }

        @Override
        public List<Problem> getErrors() {
            return errors;
        }

        @Override
        public List<Problem> getWarnings() {
            return List.of();
        }
    }
}
