package io.kanisterhooks.hooks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellQuotingTest {

    @Test
    void plainWordsStayAsTheyAre() {
        assertThat(ShellQuoting.join(List.of("./backup.sh", "--db=shop", "-v", "a,b:c@d%e+f"))).isEqualTo(
                "./backup.sh --db=shop -v a,b:c@d%e+f");
    }

    @Test
    void wordsWithBlanksOrShellCharactersAreQuoted() {
        assertThat(ShellQuoting.join(List.of("sh", "-c", "echo STAGE RAN; touch stage-ran", "", "$HOME", "a\"b")))
                .isEqualTo("sh -c 'echo STAGE RAN; touch stage-ran' '' '$HOME' 'a\"b'");
    }

    @Test
    void singleQuotesReadBestInDoubleQuotesWhenNothingWouldExpandThere() {
        assertThat(ShellQuoting.join(List.of("sh", "-c", "echo 'it works'"))).isEqualTo("sh -c \"echo 'it works'\"");
        assertThat(ShellQuoting.join(List.of("sh", "-c", "echo 'costs $5'"))).isEqualTo(
                "sh -c 'echo '\\''costs $5'\\'''");
        assertThat(ShellQuoting.join(List.of("echo", "it's!"))).isEqualTo("echo 'it'\\''s!'");
    }

    @Test
    void anAssignmentLookingFirstWordIsQuoted() {
        assertThat(ShellQuoting.join(List.of("A=b", "A=b"))).isEqualTo("'A=b' A=b");
    }

    /** What the quoted form means to a real shell: the same words. */
    @Test
    void aShellReadsTheWordsBack() throws Exception {
        List<String> words = List.of("sh", "-c", "echo 'x'; echo \"y\" $z `w` \\ !", "it's", "tab\there", "new\nline",
                "A=b");
        String quoted = ShellQuoting.join(words.subList(3, words.size()));
        Process p = new ProcessBuilder("sh", "-c", "for w in " + quoted + "; do printf '%s\\0' \"$w\"; done").start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isZero();
        assertThat(out.split("\0")).containsExactly("it's", "tab\there", "new\nline", "A=b");
        assertThat(ShellQuoting.join(words)).startsWith("sh -c 'echo '\\''x'\\''; echo \"y\" $z `w` \\ !' ");
    }
}
