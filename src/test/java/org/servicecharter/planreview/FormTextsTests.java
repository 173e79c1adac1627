package org.servicecharter.planreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** A plan-review text a form shows fits the engine's string variable, cut at a line with a note of what is left out. */
class FormTextsTests {

    @Test
    void aTextWithinTheLimitIsKeptAsItIs() {
        String text = "x".repeat(FormTexts.VARIABLE_LIMIT);
        assertThat(FormTexts.fit(text)).isSameAs(text);
        assertThat(FormTexts.fit(null)).isNull();
    }

    @Test
    void aLongerTextIsCutAtALineAndSaysHowManyLinesAreLeftOut() {
        String text = IntStream.rangeClosed(1, 300).mapToObj(i -> String.format("Agent %03d: supports them — fine.", i))
                .collect(Collectors.joining("\n"));
        String fitted = FormTexts.fit(text);

        assertThat(fitted.length()).isLessThanOrEqualTo(FormTexts.VARIABLE_LIMIT);
        String[] lines = fitted.split("\n");
        int kept = lines.length - 1;
        assertThat(lines[kept - 1]).isEqualTo(String.format("Agent %03d: supports them — fine.", kept));
        assertThat(lines[kept]).startsWith("… and " + (300 - kept) + " more lines: all of them are in the review's record");
    }
}
