package org.servicecharter.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.servicecharter.ServiceCharterApplication;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The architecture, checked by the build (Spring Modulith, from the byte code): each top-level package is a module;
 * no cycles; a module uses another only through its published types (its base package and named interfaces) and only
 * if its {@code package-info} allows it; the platform and identity know no feature. The README's module table is this
 * graph, and the documenter draws it (target/spring-modulith-docs).
 */
class ModulesTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ServiceCharterApplication.class);

    static final List<String> FEATURES = List.of("complaint", "approval", "handbook", "correctiveaction", "planreview");

    @Test
    void noCyclesNoInternalsOnlyDeclaredDependencies() {
        MODULES.verify();
    }

    @Test
    void thePlatformIdentityAndMessagingKnowNoFeature() {
        for (String base : List.of("platform", "identity", "messaging", "employeefile", "audit", "webapps")) {
            assertThat(dependencies().get(base)).as(base).doesNotContainAnyElementsOf(FEATURES);
        }
        assertThat(dependencies().get("platform")).isEmpty();
    }

    @Test
    void theReadmeShowsTheModulesAndWhatEachUses() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("**Modules**"), readme.indexOf("**Refusals**"));
        Map<String, List<String>> listed = new TreeMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `(\\w+)` \\| (.*?) \\|").matcher(section);
        while (row.find()) {
            listed.put(row.group(1), Pattern.compile("`(\\w+)`").matcher(row.group(2)).results().map(r -> r.group(1)).sorted().toList());
        }
        assertThat(listed).isEqualTo(dependencies());
    }

    @Test
    void theDocumenterDrawsTheModules() throws IOException {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        Path all = Path.of("target/spring-modulith-docs/components.puml");
        assertThat(all).exists();
        assertThat(Files.readString(all)).contains("Complaint handling").contains("Plan review");
    }

    private static Map<String, List<String>> dependencies() {
        Map<String, List<String>> graph = new TreeMap<>();
        for (ApplicationModule module : MODULES) {
            graph.put(module.getIdentifier().toString(), module.getDirectDependencies(MODULES).uniqueModules()
                    .map(m -> m.getIdentifier().toString()).sorted().toList());
        }
        return graph;
    }
}
