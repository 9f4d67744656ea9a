package io.kanisterhooks.functions.args;

import static io.kanisterhooks.kube.patch.YamlMaps.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanisterhooks.blueprint.ObjectReference;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ArgsTest {

    @Nested
    class PresenceAndDefaults {

        private final Args args = new Args(map("""
                namespace: ns
                replicas: "3"
                insecureTLS: null
                command: ls -l
                """));

        @Test
        void requiredArgumentMustBePresent() throws ArgException {
            assertThat(args.required("namespace", ArgType.STRING)).isEqualTo("ns");
            assertThatThrownBy(() -> args.required("pod", ArgType.STRING)).isInstanceOf(ArgException.class)
                    .hasMessage("Argument missing pod");
        }

        @Test
        void optionalArgumentFallsBackOnlyWhenAbsent() throws ArgException {
            assertThat(args.optional("image", ArgType.STRING, "example/kanister-tools:0.119.0"))
                    .isEqualTo("example/kanister-tools:0.119.0");
            // Present but null: Go leaves the zero value and ignores the default.
            assertThat(args.optional("insecureTLS", ArgType.BOOL, true)).isFalse();
            assertThat(args.has("insecureTLS")).isTrue();
        }

        @Test
        void weakConversionsApply() throws ArgException {
            assertThat(args.required("replicas", ArgType.INT32)).isEqualTo(3);
            assertThat(args.required("command", ArgType.STRING_LIST)).containsExactly("ls -l");
        }

        @Test
        void nonStringKeysAreReadAsText() throws ArgException {
            Map<Object, Object> raw = new HashMap<>();
            raw.put(1, Map.of(true, "x"));
            Args numeric = new Args(raw);
            assertThat(numeric.required("1", ArgType.STRING_MAP)).isEqualTo(Map.of("true", "x"));
        }
    }

    @Nested
    class DecodingErrors {

        @Test
        void nameTheArgumentAndTheProblem() {
            Args args = new Args(map("replicas: {a: 1}\ncommand: [[x], {a: b}]\ntimeout: 5x"));
            assertThatThrownBy(() -> args.required("replicas", ArgType.INT32)).hasMessage(
                    "Failed to decode arg `replicas`: 'replicas' expected type 'int32', got unconvertible type "
                            + "'map[string]interface {}', value: 'map[a:1]'");
            assertThatThrownBy(() -> args.required("command", ArgType.STRING_LIST)).hasMessage(
                    "Failed to decode arg `command`: 2 error(s) decoding: 'command[0]' expected type 'string', got "
                            + "unconvertible type '[]interface {}', value: '[x]'; 'command[1]' expected type 'string', "
                            + "got unconvertible type 'map[string]interface {}', value: 'map[a:b]'");
            assertThatThrownBy(() -> args.required("timeout", ArgType.DURATION))
                    .hasMessage("Failed to decode arg `timeout`: time: unknown unit \"x\" in duration \"5x\"");
        }

        @Test
        void neverShowSecretsOrLongValues() {
            Args args = new Args(map("password: {a: hunter2}\nflag: " + "y".repeat(80)
                    + "\nconfig: {token: abc, size: big}"));
            assertThatThrownBy(() -> args.required("password", ArgType.STRING))
                    .hasMessage("Failed to decode arg `password`: 'password' expected type 'string', got "
                            + "unconvertible type 'map[string]interface {}', value: '<redacted>'")
                    .message().doesNotContain("hunter2");
            assertThatThrownBy(() -> args.required("flag", ArgType.BOOL)).hasMessage(
                    "Failed to decode arg `flag`: cannot parse 'flag' as bool: strconv.ParseBool: parsing "
                            + "<80 characters>: invalid syntax");
            assertThatThrownBy(() -> args.required("config", ArgType.INT)).message()
                    .contains("value: 'map[size:big token:<redacted>]'").doesNotContain("abc");
        }
    }

    @Nested
    class Structs {

        record Condition(ObjectReference objectReference, String condition) {
        }

        record WaitConditions(List<Condition> anyOf, List<Condition> allOf) {
        }

        @Test
        void objectReferenceFieldsMatchCaseInsensitively() throws ArgException {
            Args args = new Args(map("""
                    object:
                      APIVersion: v1
                      RESOURCE: namespaces
                      name: kanister
                      replicas: 3
                    """));
            assertThat(args.required("object", ArgType.record(ObjectReference.class)))
                    .isEqualTo(new ObjectReference("v1", "", "namespaces", "", "kanister", ""));
        }

        @Test
        void waitConditions() throws ArgException {
            Args args = new Args(map("""
                    conditions:
                      anyOf:
                      - condition: '{{ if (eq "{ $.status.phase }" "Invalid")}}true{{ else }}false{{ end }}'
                        objectReference: {apiVersion: v1, resource: namespaces, name: default}
                      allOf:
                        condition: single
                    """));
            WaitConditions c = args.required("conditions", ArgType.record(WaitConditions.class));
            assertThat(c.anyOf()).hasSize(1);
            assertThat(c.anyOf().get(0).objectReference().resource()).isEqualTo("namespaces");
            assertThat(c.allOf()).containsExactly(new Condition(new ObjectReference("", "", "", "", "", ""), "single"));
        }

        @Test
        void unsupportedComponentTypesAreRejectedEarly() {
            record Odd(java.util.Set<String> names) {
            }
            assertThatThrownBy(() -> new Args(map("odd: {names: [a]}")).required("odd", ArgType.record(Odd.class)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Set");
        }
    }

    @Nested
    class YamlLists {

        // Kanister's TestGetYamlList.
        @Test
        void kanisterCases() throws ArgException {
            assertThat(new Args(map("key: \"- val1\\n- val2\\n- val3\\n\"")).yamlList("key"))
                    .containsExactly("val1", "val2", "val3");
            assertThat(new Args(Map.of("key", List.of("test1", "test2", "test3"))).yamlList("key"))
                    .containsExactly("test1", "test2", "test3");
            assertThatThrownBy(() -> new Args(Map.of("key", "not a slice")).yamlList("key"))
                    .hasMessage("error unmarshaling JSON: json: cannot unmarshal string into Go value of type []string");
            Map<String, Object> nil = new HashMap<>();
            nil.put("invalid", null);
            assertThat(new Args(nil).yamlList("key")).isNull();
        }

        @Test
        void scalarsInTheYamlAreCoercedToStrings() throws ArgException {
            assertThat(new Args(Map.of("k", "- 1\n- true\n- 1.5\n- 3.14159265358979\n- ~\n- yes\n- '007'")).yamlList("k"))
                    .containsExactly("1", "true", "1.5", "3.1415927", "", "true", "007");
        }

        @Test
        void listArgumentsUseWeakDecoding() throws ArgException {
            assertThat(new Args(map("k: [1, true, 2.5, null]")).yamlList("k")).containsExactly("1", "1", "2.5", "");
        }

        @Test
        void otherShapesFail() {
            assertThatThrownBy(() -> new Args(Map.of("k", "- [a]")).yamlList("k"))
                    .hasMessage("error unmarshaling JSON: json: cannot unmarshal array into Go value of type string");
            assertThatThrownBy(() -> new Args(Map.of("k", "a: b")).yamlList("k"))
                    .hasMessage("error unmarshaling JSON: json: cannot unmarshal object into Go value of type []string");
            assertThatThrownBy(() -> new Args(Map.of("k", "- a\n b: [")).yamlList("k"))
                    .hasMessageStartingWith("error converting YAML to JSON: error converting YAML to JSON: yaml: ");
            assertThatThrownBy(() -> new Args(map("k: {a: b}")).yamlList("k")).hasMessage("Invalid k arg format");
            Map<String, Object> nil = new HashMap<>();
            nil.put("k", null);
            assertThatThrownBy(() -> new Args(nil).yamlList("k")).hasMessage("Invalid k arg format");
        }

        @Test
        void emptyYamlIsNoList() throws ArgException {
            assertThat(new Args(Map.of("k", "")).yamlList("k")).isNull();
            assertThat(new Args(Map.of("k", "# nothing\n")).yamlList("k")).isNull();
            assertThat(new Args(Map.of("k", "~")).yamlList("k")).isNull();
        }
    }

    @Test
    void fieldsSplitLikeGo() {
        assertThat(Args.fields("  pod-a\tpod-b\n pod-c\u00a0pod-d\u3000 ")).containsExactly("pod-a", "pod-b", "pod-c",
                "pod-d");
        assertThat(Args.fields(" \t ")).isEmpty();
    }

    @Test
    void goDurations() {
        assertThat(GoDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(GoDuration.parse("-9223372036854775808ns")).isEqualTo(Duration.ofNanos(Long.MIN_VALUE));
        assertThatThrownBy(() -> GoDuration.parse("1\u00e9")).hasMessage(
                "time: unknown unit \"\\xc3\\xa9\" in duration \"1\\xc3\\xa9\"");
        assertThat(Arrays.asList(GoDuration.parse("0"), GoDuration.parse("-0"))).containsOnly(Duration.ZERO);
    }
}
