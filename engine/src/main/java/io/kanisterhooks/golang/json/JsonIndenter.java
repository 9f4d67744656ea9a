package io.kanisterhooks.golang.json;

/** Go's {@code json.Indent} over compact JSON produced by {@link JsonEncoder}. */
final class JsonIndenter {
    private JsonIndenter() {
    }

    static String indent(String compact, String prefix, String indent) {
        StringBuilder out = new StringBuilder(compact.length() * 2);
        int depth = 0;
        boolean inString = false;
        boolean needIndent = false;
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(compact.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (needIndent && c != ']' && c != '}') {
                needIndent = false;
                depth++;
                newline(out, prefix, indent, depth);
            }
            switch (c) {
                case '"':
                    inString = true;
                    out.append(c);
                    break;
                case '{':
                case '[':
                    out.append(c);
                    needIndent = true;
                    break;
                case ',':
                    out.append(c);
                    newline(out, prefix, indent, depth);
                    break;
                case ':':
                    out.append(c).append(' ');
                    break;
                case '}':
                case ']':
                    if (needIndent) {
                        needIndent = false;
                    } else {
                        depth--;
                        newline(out, prefix, indent, depth);
                    }
                    out.append(c);
                    break;
                default:
                    out.append(c);
                    break;
            }
        }
        return out.toString();
    }

    private static void newline(StringBuilder out, String prefix, String indent, int depth) {
        out.append('\n').append(prefix);
        for (int i = 0; i < depth; i++) {
            out.append(indent);
        }
    }
}
