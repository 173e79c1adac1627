package org.servicecharter.platform.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What models may call is a published contract: the README's table under "Models are data" lists exactly the beans
 * and methods published with {@link ModelCallable}, so publishing a bean for models is a change of that table too.
 */
@ServiceCharterTest
class PublishedForModelsTests {

    @Autowired
    ModelBeans modelBeans;

    @Test
    void theReadmeListsExactlyWhatIsPublishedForModels() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("### Models are data, not code"),
                readme.indexOf("### A deployment is complete or refused"));
        Set<String> listed = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^  \\| (.+?) \\| (.+?) \\|$").matcher(section);
        while (row.find()) {
            Matcher bean = Pattern.compile("^`(\\w+)`$").matcher(row.group(1));
            if (bean.find()) {
                Matcher method = Pattern.compile("`(\\w+)\\(").matcher(row.group(2));
                while (method.find()) {
                    listed.add(bean.group(1) + "." + method.group(1));
                }
            } else if (row.group(1).startsWith("delegates")) {
                Matcher name = Pattern.compile("`(\\w+)`").matcher(row.group(2));
                while (name.find()) {
                    listed.add(name.group(1));
                }
            }
        }

        Set<String> published = new TreeSet<>();
        modelBeans.published().values().forEach(bean -> {
            if (bean.wholeClass() && isDelegate(bean.type())) {
                published.add(bean.name());
            } else {
                bean.methods().forEach(method -> published.add(bean.name() + "." + method));
            }
        });

        assertThat(listed).isEqualTo(published);
    }

    @Test
    void engineServicesAndTheSpringContextAreNotPublished() {
        for (String name : new String[] {"identityService", "runtimeService", "processEngine", "environment",
                "applicationContext", "jdbcTemplate", "dataSource", "modelBeans"}) {
            assertThat(modelBeans.isPublished(name)).as(name).isFalse();
        }
    }

    private static boolean isDelegate(Class<?> type) {
        return org.camunda.bpm.engine.delegate.JavaDelegate.class.isAssignableFrom(type)
                || org.camunda.bpm.engine.delegate.TaskListener.class.isAssignableFrom(type)
                || org.camunda.bpm.engine.delegate.ExecutionListener.class.isAssignableFrom(type);
    }
}
