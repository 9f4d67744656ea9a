package io.kanisterhooks.blueprint;

import io.kanisterhooks.yaml.SourcePosition;
import io.kanisterhooks.yaml.YamlMapping;
import io.kanisterhooks.yaml.YamlNode;
import io.kanisterhooks.yaml.YamlScalar;
import io.kanisterhooks.yaml.YamlSequence;

/** Visits every string of an argument tree (map keys included: Kanister renders them too), with its place. */
final class ArgStrings {

    /** Receives one string with its dotted path inside the args and its scalar (null for map keys). */
    interface Visitor {
        void visit(String path, String text, YamlScalar scalar, SourcePosition position);
    }

    private ArgStrings() {
    }

    static void walk(YamlNode node, String path, Visitor visitor) {
        if (node instanceof YamlScalar s) {
            if (s.value() instanceof String text) {
                visitor.visit(path, text, s, s.position());
            }
        } else if (node instanceof YamlSequence seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                walk(seq.items().get(i), path + "[" + i + "]", visitor);
            }
        } else if (node instanceof YamlMapping map) {
            for (YamlMapping.Entry e : map.entries()) {
                String child = path.isEmpty() ? e.key() : path + "." + e.key();
                visitor.visit(child + " (key)", e.key(), null, e.keyPosition());
                walk(e.value(), child, visitor);
            }
        }
    }
}
