package io.kanisterhooks.conformance;

import io.kanisterhooks.jsonpath.JsonPath;
import io.kanisterhooks.jsonpath.JsonPathException;
import io.kanisterhooks.render.ArgRenderer;
import io.kanisterhooks.render.ConditionResult;
import io.kanisterhooks.render.Dialect;
import io.kanisterhooks.render.TemplateError;
import io.kanisterhooks.render.WaitCondition;
import io.kanisterhooks.render.WaitV2Condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs conformance corpus cases through exactly the code paths the engine uses for Kanister's call sites:
 * {@link ArgRenderer} (mode render), {@link WaitCondition} (wait), {@link WaitV2Condition} (waitv2) and
 * {@link JsonPath#printObject} (jsonpath).
 */
public final class CorpusRunner {

    private final Map<Dialect, ArgRenderer> renderers = new ConcurrentHashMap<>();
    private final WaitCondition wait = new WaitCondition();
    private final WaitV2Condition waitV2 = new WaitV2Condition();

    public List<CorpusResult> runAll(List<CorpusCase> cases) {
        List<CorpusResult> results = new ArrayList<>(cases.size());
        for (CorpusCase c : cases) {
            results.add(run(c));
        }
        return results;
    }

    public CorpusResult run(CorpusCase c) {
        return LocalZone.with(c.timeZone(), () -> switch (c.mode()) {
            case "wait" -> runWait(c);
            case "waitv2" -> runWaitV2(c);
            case "jsonpath" -> runJsonPath(c);
            default -> runRender(c);
        });
    }

    private CorpusResult runRender(CorpusCase c) {
        Dialect dialect = Dialect.KANISTER_ARGS.withFunctions(c.functions());
        if (c.missingKey() != null) {
            dialect = dialect.withMissingKey(c.missingKey());
        }
        ArgRenderer renderer = renderers.computeIfAbsent(dialect, ArgRenderer::new);
        try {
            return CorpusResult.success(c.id(), renderer.render(c.template(), c.data()));
        } catch (TemplateError e) {
            return CorpusResult.failure(c.id(), e);
        }
    }

    private CorpusResult runWait(CorpusCase c) {
        String resolved;
        try {
            resolved = wait.resolve(c.template(), c.object());
        } catch (TemplateError e) {
            return new CorpusResult(c.id(), "", e, false, null);
        }
        try {
            ConditionResult r = wait.evaluateResolved(resolved);
            return new CorpusResult(c.id(), r.output(), null, r.satisfied(), resolved);
        } catch (TemplateError e) {
            return new CorpusResult(c.id(), "", e, false, resolved);
        }
    }

    private CorpusResult runWaitV2(CorpusCase c) {
        try {
            ConditionResult r = waitV2.evaluate(c.template(), c.object());
            return new CorpusResult(c.id(), r.output(), null, r.satisfied(), null);
        } catch (TemplateError e) {
            return new CorpusResult(c.id(), "", e, false, null);
        }
    }

    private static CorpusResult runJsonPath(CorpusCase c) {
        try {
            return CorpusResult.success(c.id(), JsonPath.parse(c.template()).printObject(c.object(),
                    c.allowMissingKeys()));
        } catch (JsonPathException e) {
            TemplateError.Phase phase = e.isParseError() ? TemplateError.Phase.PARSE : TemplateError.Phase.EXEC;
            return CorpusResult.failure(c.id(), new TemplateError(phase, e.getMessage(), e.getMessage(),
                    e.innerError()));
        }
    }
}
