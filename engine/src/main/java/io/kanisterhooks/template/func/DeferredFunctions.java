package io.kanisterhooks.template.func;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Functions of a {@link FuncMap} declared by name and defined on first use ({@link FuncMap#defineLater}). Defined at
 * most once, under this object's lock: templates of parallel hooks share one map. The definitions run no template
 * lookups of their own, so holding the lock while they run (and while the JVM initialises their class) cannot
 * deadlock.
 */
final class DeferredFunctions {
    private final List<String> names;
    private final Consumer<FuncMap> definitions;
    private volatile FuncMap defined;

    DeferredFunctions(List<String> names, Consumer<FuncMap> definitions) {
        this.names = List.copyOf(names);
        this.definitions = definitions;
    }

    TemplateFunction function(String name) {
        return defined().get(name);
    }

    private FuncMap defined() {
        FuncMap functions = defined;
        if (functions == null) {
            synchronized (this) {
                functions = defined;
                if (functions == null) {
                    functions = new FuncMap();
                    definitions.accept(functions);
                    if (!functions.asMap().keySet().equals(Set.copyOf(names))) {
                        throw new IllegalStateException("functions declared as " + names + " but defined as "
                                + functions.asMap().keySet());
                    }
                    defined = functions;
                }
            }
        }
        return functions;
    }
}
