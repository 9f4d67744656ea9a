package io.kanisterhooks.hooks.state;

import com.google.gson.annotations.SerializedName;
import java.util.Locale;

/** Where a run stands. Only an active run can be continued; the others are finished for good. */
public enum RunStatus {
    /** Hooks may still run: between {@code hooks pre} and {@code hooks post}, or while one of them runs. */
    @SerializedName("active") ACTIVE,
    /** Every namespace had its onSuccess or onFailure, then always. */
    @SerializedName("completed") COMPLETED,
    /** Finished by {@code runs recover} (or by a later run that found it stale): onFailure and always ran. */
    @SerializedName("recovered") RECOVERED,
    /** Aborted with {@code --no-hooks-on-abort}: the post hooks were skipped on purpose. */
    @SerializedName("abandoned") ABANDONED;

    public String lower() {
        return name().toLowerCase(Locale.ROOT);
    }
}
