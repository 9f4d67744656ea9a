package io.kanisterhooks.hooks.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunIdsTest {

    @Test
    void generatedIdsAreValidAndDiffer() {
        String a = RunIds.generate();
        assertThat(RunIds.problem(a)).isEmpty();
        assertThat(a).matches("kh-\\d{8}-\\d{6}-[a-z0-9]{5}").isNotEqualTo(RunIds.generate());
    }

    @Test
    void idsMustBeLabelValuesThatNameObjects() {
        assertThat(RunIds.problem("build-42.s1")).isEmpty();
        assertThat(RunIds.problem("")).hasValue("a run id must not be empty");
        assertThat(RunIds.problem("Build_42")).get().asString().contains("lower-case letters");
        assertThat(RunIds.problem("-x")).isPresent();
        assertThat(RunIds.problem("x-")).isPresent();
        assertThat(RunIds.problem("a".repeat(63))).isEmpty();
        assertThat(RunIds.problem("a".repeat(64))).get().asString().contains("at most 63 characters");
    }

    @Test
    void aBuildTagBecomesALabelValueThatStaysDistinct() {
        assertThat(RunIds.buildLabel("jenkins-shop-backup-42")).isEqualTo("jenkins-shop-backup-42");
        assertThat(RunIds.buildLabel("jenkins-My Folder-backup job-7")).isEqualTo("jenkins-My-Folder-backup-job-7");
        String longTag = "jenkins-" + "very-long-folder-name/".repeat(5) + "job-1";
        String label = RunIds.buildLabel(longTag);
        assertThat(label).hasSizeLessThanOrEqualTo(63).matches("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
        assertThat(RunIds.buildLabel(longTag.replace("job-1", "job-2"))).isNotEqualTo(label);
    }
}
