package io.kanisterhooks.blueprint;

import io.kanisterhooks.yaml.Problems;

/** One static check applied to every phase (including defer phases). */
interface PhaseRule {

    void check(PhaseSite site, Problems problems);
}
