package io.kanisterhooks.blueprint;

import io.kanisterhooks.golang.value.GoKind;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.golang.value.StructField;
import io.kanisterhooks.params.ParamTypes;
import io.kanisterhooks.render.Dialect;
import io.kanisterhooks.render.TemplateSyntax;
import io.kanisterhooks.template.Template;
import io.kanisterhooks.template.parse.BranchNode;
import io.kanisterhooks.template.parse.FieldNode;
import io.kanisterhooks.template.parse.Node;
import io.kanisterhooks.template.parse.NodeType;
import io.kanisterhooks.template.parse.Tree;
import io.kanisterhooks.template.parse.VariableNode;
import io.kanisterhooks.yaml.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Field chains a blueprint template reads from TemplateParams ({@code .Namespace.Name}, {@code $.Options.x}), checked
 * against TemplateParams' Go shape: a field that cannot exist ({@code .Namespace.Nmae}) fails the phase when it runs,
 * so {@code validate} warns about it with a did-you-mean. Only chains whose dot is certainly TemplateParams are
 * checked: outside {@code range} and {@code with} bodies, in the template itself (not in defined templates). Map keys
 * ({@code .Options.x}, {@code .Secrets.NAME}) are what the action is given, so any key passes here.
 */
final class TemplateParamsFields {

    /** A chain that cannot resolve: the 1-based line in the template, and what is wrong. */
    record Unknown(int line, String message) {
    }

    private TemplateParamsFields() {
    }

    /** The chains of {@code template} that cannot resolve; none when it does not parse (reported elsewhere). */
    static List<Unknown> check(String template) {
        Optional<Template> parsed = TemplateSyntax.parseArgs(template);
        if (parsed.isEmpty()) {
            return List.of();
        }
        List<Unknown> unknown = new ArrayList<>();
        Tree main = parsed.get().trees().get(Dialect.KANISTER_ARGS.name());
        if (main != null) {
            walk(main.root(), true, template, unknown);
        }
        return unknown;
    }

    private static void walk(Node node, boolean dotIsParams, String template, List<Unknown> unknown) {
        if (node == null) {
            return;
        }
        if (node instanceof FieldNode field && dotIsParams) {
            resolve(field.ident(), ".", node.position(), template, unknown);
        } else if (node instanceof VariableNode variable && variable.ident().size() > 1
                && variable.ident().get(0).equals("$")) {
            resolve(variable.ident().subList(1, variable.ident().size()), "$.", node.position(), template, unknown);
        } else if (node instanceof BranchNode branch && (node.type() == NodeType.RANGE
                || node.type() == NodeType.WITH)) {
            walk(branch.pipe(), dotIsParams, template, unknown);
            walk(branch.list(), false, template, unknown);
            walk(branch.elseList(), dotIsParams, template, unknown);
        } else {
            for (Node child : node.children()) {
                walk(child, dotIsParams, template, unknown);
            }
        }
    }

    private static void resolve(List<String> chain, String start, int offset, String template,
                                List<Unknown> unknown) {
        GoType type = ParamTypes.TEMPLATE_PARAMS;
        for (int i = 0; i < chain.size(); i++) {
            String name = chain.get(i);
            if (type.method(name) != null) {
                return;
            }
            if (type.kind() == GoKind.POINTER) {
                type = type.elem();
            }
            if (type.kind() == GoKind.MAP) {
                type = type.elem();
                continue;
            }
            if (type.kind() != GoKind.STRUCT) {
                return;
            }
            int[] path = type.fieldPath(name);
            if (path == null) {
                String seen = start + String.join(".", chain.subList(0, i + 1));
                List<String> fields = type.fields().stream().map(StructField::name).toList();
                String parent = start + String.join(".", chain.subList(0, i)) + (i == 0 ? "" : ".");
                unknown.add(new Unknown(lineOf(template, offset), seen + ": " + type.name() + " has no field "
                        + name + ", so the phase fails when it renders this" + Suggestions.closest(name, fields)
                        .map(s -> "; did you mean " + parent + s + "?")
                        .orElse(" (its fields: " + String.join(", ", fields) + ")")));
                return;
            }
            type = type.fieldAt(path).type();
        }
    }

    private static int lineOf(String template, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, template.length()); i++) {
            if (template.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
