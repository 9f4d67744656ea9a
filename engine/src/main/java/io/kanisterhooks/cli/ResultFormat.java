package io.kanisterhooks.cli;

import com.google.gson.GsonBuilder;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Machine-readable output of commands. */
enum ResultFormat {
    json, yaml;

    static String render(ResultFormat format, Object value) {
        if (format == yaml) {
            DumperOptions o = new DumperOptions();
            o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            return new Yaml(o).dump(value).stripTrailing();
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(value);
    }
}
