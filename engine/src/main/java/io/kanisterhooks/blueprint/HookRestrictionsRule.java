package io.kanisterhooks.blueprint;

import io.kanisterhooks.yaml.Problems;
import io.kanisterhooks.yaml.YamlMapping;
import io.kanisterhooks.yaml.YamlNode;
import io.kanisterhooks.yaml.YamlSequence;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * K10's rule for hook blueprints: "Execution hooks do not require location profiles and hook Blueprint actions cannot
 * use template parameters and helpers such as {{ .Profile.Location.Bucket }} or kando location." This rule covers the
 * functions and {@code kando location}; {@code .Profile} in templates is found by the template checks.
 */
final class HookRestrictionsRule implements PhaseRule {

    private static final Pattern KANDO_LOCATION = Pattern.compile("\\bkando\\s+location\\b");
    private static final String CREDENTIALS_SOURCE = "credentialsSource";
    private static final String KANDO_MESSAGE =
            "hook actions cannot use kando location (no location profile exists for hooks): args.";

    @Override
    public void check(PhaseSite site, Problems problems) {
        site.signature().ifPresent(sig -> {
            if (needsProfile(sig, site)) {
                problems.error(site.funcPosition(), "function " + sig.name() + " needs a location profile; hook "
                        + "actions cannot use location profiles (action " + site.action().name() + ", phase "
                        + site.phase().name() + ")");
            }
        });
        YamlMapping args = site.phase().argsNode();
        if (args == null) {
            return;
        }
        ArgStrings.walk(args, "", (path, text, scalar, position) -> {
            Matcher m = KANDO_LOCATION.matcher(text);
            if (scalar != null && m.find()) {
                int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                problems.error(scalar.positionOfLine(line), KANDO_MESSAGE + path);
            }
        });
        checkArgvLists(args, "", problems);
    }

    /** {@code command: [kando, location, push]}: the words are separate strings, the call is the same. */
    private static void checkArgvLists(YamlNode node, String path, Problems problems) {
        if (node instanceof YamlSequence seq) {
            String joined = seq.items().stream().map(YamlNode::toValue)
                    .map(v -> v instanceof String s ? s : "").collect(Collectors.joining(" "));
            if (KANDO_LOCATION.matcher(joined).find() && seq.items().stream()
                    .noneMatch(i -> i.toValue() instanceof String s && KANDO_LOCATION.matcher(s).find())) {
                problems.error(seq.position(), KANDO_MESSAGE + path);
            }
            for (int i = 0; i < seq.items().size(); i++) {
                checkArgvLists(seq.items().get(i), path + "[" + i + "]", problems);
            }
        } else if (node instanceof YamlMapping map) {
            for (YamlMapping.Entry e : map.entries()) {
                checkArgvLists(e.value(), path.isEmpty() ? e.key() : path + "." + e.key(), problems);
            }
        }
    }

    private static boolean needsProfile(FunctionSignature sig, PhaseSite site) {
        return switch (sig.needs()) {
            case NOTHING -> false;
            case LOCATION_PROFILE -> true;
            case AWS_RDS -> !"secret".equals(site.phase().args().get(CREDENTIALS_SOURCE));
        };
    }
}
