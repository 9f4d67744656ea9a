package io.kanisterhooks.params;

import io.kanisterhooks.golang.value.GoStruct;

import java.util.Map;

/**
 * Decodes TemplateParams written as JSON (the conformance corpus' {@code dataMode: "tp"}): top-level and Kanister
 * struct fields by Go field name, Kubernetes objects in their own JSON ({@code metadata}, {@code data} in base64…),
 * exactly as Go's {@code json.Unmarshal} into {@code param.TemplateParams} would.
 */
public final class TemplateParamsJson {

    private TemplateParamsJson() {
    }

    /**
     * @param json the parsed JSON object; numbers inside {@code Object}, {@code Output} and {@code PodOverride} keep
     *             the typing the caller's JSON decoder gave them (Long for int64, Double for float64)
     * @throws IllegalArgumentException where Go's decoder would fail ({@code json: cannot unmarshal …})
     */
    public static GoStruct decode(Map<String, Object> json) {
        return (GoStruct) JsonToGo.decode(json, ParamTypes.TEMPLATE_PARAMS);
    }
}
