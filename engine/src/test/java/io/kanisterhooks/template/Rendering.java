package io.kanisterhooks.template;

/** Renders a template the way the Go-derived expectations are written: the output, or {@code ERR } + message. */
final class Rendering {
    private Rendering() {
    }

    static String render(String text, Object data, TemplateOptions options) {
        try {
            return Template.parse("config", text, options).execute(data);
        } catch (TemplateException e) {
            return "ERR " + e.getMessage();
        }
    }

    static String render(String text, Object data, MissingKey missingKey) {
        return render(text, data, TemplateOptions.defaults().withMissingKey(missingKey));
    }
}
