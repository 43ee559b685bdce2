package io.timefusion.contract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestProjectRegistrationProblems
{
    @Test
    void theProblemsOfAMessageAreTheOnesItWasMadeOf()
    {
        List<String> problems = List.of("bucket: 3 to 63 characters", "endpoint: an http or https URL");
        assertThat(ProjectRegistrationProblems.problems(ProjectRegistrationProblems.message(problems))).isEqualTo(problems);
    }

    @Test
    void aMessageOfAnotherFormIsOneProblem()
    {
        assertThat(ProjectRegistrationProblems.problems("The extra credential timefusion.secret_key must be base64"))
                .containsExactly("The extra credential timefusion.secret_key must be base64");
    }
}
