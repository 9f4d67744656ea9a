package io.kanisterhooks.jenkins.test

/**
 * A stage's {@code when { }} as Declarative evaluates it (pipeline-model-definition's conditionals): the block is run
 * when the stage gets to it, its conditions are collected, and the stage runs only if all of them hold.
 * <ul>
 * <li>{@code branch 'pattern'} / {@code branch pattern:, comparator:}: BRANCH_NAME (else GIT_LOCAL_BRANCH) against the
 * pattern, an Ant-style glob by default (case-insensitive; {@code *} within a path segment, {@code **} across them),
 * or REGEXP or EQUALS;</li>
 * <li>{@code tag 'pattern'} (TAG_NAME; no tag: false; no pattern: any tag), {@code buildingTag()};</li>
 * <li>{@code changeRequest()} (CHANGE_ID set), {@code changeRequest id:, target:, branch:, fork:, title:, author:,
 * authorDisplayName:, authorEmail:, comparator:} (EQUALS by default);</li>
 * <li>{@code environment name:, value:, ignoreCase:}; {@code equals expected:, actual:}; {@code expression { }}
 * (Groovy truth);</li>
 * <li>{@code not { }} (one condition), {@code allOf { }}, {@code anyOf { }};</li>
 * <li>{@code beforeAgent true}, {@code beforeOptions true}, {@code beforeInput true}: when the stage evaluates it.</li>
 * </ul>
 */
class WhenConditions {
    static final List<String> BEFORE = ['beforeOptions', 'beforeInput', 'beforeAgent']
    private static final Map<String, String> CHANGE_FIELDS = [id: 'CHANGE_ID', target: 'CHANGE_TARGET',
            branch: 'CHANGE_BRANCH', fork: 'CHANGE_FORK', title: 'CHANGE_TITLE', author: 'CHANGE_AUTHOR',
            authorDisplayName: 'CHANGE_AUTHOR_DISPLAY_NAME', authorEmail: 'CHANGE_AUTHOR_EMAIL']

    private final PipelineTestBase test
    /** The conditions being collected (innermost block last); empty when no when block is being read. */
    private final List<List<Closure<Boolean>>> collecting = []
    private Set<String> flags

    WhenConditions(PipelineTestBase test) {
        this.test = test
    }

    void register() {
        def helper = test.helper
        helper.registerAllowedMethod('branch', [String], { String p -> add { matches(p, null, branchName()) } })
        helper.registerAllowedMethod('branch', [Map], { Map m ->
            add { matches(m.pattern as String, m.comparator as String, branchName()) }
        })
        helper.registerAllowedMethod('tag', [String], { String p -> add { tagMatches(p, null) } })
        helper.registerAllowedMethod('tag', [Map], { Map m ->
            add { tagMatches(m.pattern as String, m.comparator as String) }
        })
        helper.registerAllowedMethod('buildingTag', [], { -> add { tagMatches(null, null) } })
        helper.registerAllowedMethod('changeRequest', [], { -> add { changeRequest([:]) } })
        helper.registerAllowedMethod('changeRequest', [Map], { Map m -> add { changeRequest(m) } })
        helper.registerAllowedMethod('environment', [Map], { Map m ->
            add { environmentMatches(m.name as String, m.value as String, m.ignoreCase as boolean) }
        })
        helper.registerAllowedMethod('expression', [Closure], { Closure c ->
            add { test.helper.callClosure(c) as boolean }
        })
        helper.registerAllowedMethod('not', [Closure], { Closure c ->
            List<Closure<Boolean>> children = conditionsOf(c)
            if (children.size() != 1) {
                throw new IllegalArgumentException("not { } takes one condition, got ${children.size()}")
            }
            add { !children[0].call() }
        })
        helper.registerAllowedMethod('allOf', [Closure], { Closure c ->
            List<Closure<Boolean>> children = conditionsOf(c)
            add { children.every { it.call() } }
        })
        helper.registerAllowedMethod('anyOf', [Closure], { Closure c ->
            List<Closure<Boolean>> children = conditionsOf(c)
            add { children.any { it.call() } }
        })
        BEFORE.each { String flag ->
            helper.registerAllowedMethod(flag, [Boolean], { Boolean on ->
                reading(flag)
                if (on) {
                    flags << flag
                }
            })
        }
    }

    /** The before* flags of a when block. */
    Set<String> flags(Closure when) {
        read(when)
        return flags
    }

    /** Reads the when block now and evaluates its conditions: all must hold. */
    boolean holds(Closure when) {
        return read(when).every { it.call() }
    }

    private List<Closure<Boolean>> read(Closure when) {
        flags = [] as Set<String>
        return conditionsOf(when)
    }

    /** The conditions of a block (when, not, allOf, anyOf). (Not "collect": closures would find Groovy's collect.) */
    private List<Closure<Boolean>> conditionsOf(Closure block) {
        List<Closure<Boolean>> conditions = []
        collecting << conditions
        try {
            test.helper.callClosure(withEqualsCondition(block))
        } finally {
            collecting.remove(collecting.size() - 1)
        }
        return conditions
    }

    /**
     * {@code equals expected:, actual:} calls Groovy's Object.equals on the block (a method every closure has, so
     * JenkinsPipelineUnit cannot intercept it); the block gets a metaclass of its own that takes the call instead.
     */
    private Closure withEqualsCondition(Closure block) {
        ExpandoMetaClass emc = new ExpandoMetaClass(block.getClass(), false, true)
        emc.equals = { Map m -> add { m.expected == m.actual } }
        emc.initialize()
        block.metaClass = emc
        return block
    }

    private Object add(Closure<Boolean> condition) {
        reading('a when condition')
        collecting.last() << condition
        return null
    }

    private void reading(String what) {
        if (collecting.isEmpty()) {
            throw new IllegalStateException("${what} is only allowed in when { }")
        }
    }

    private String branchName() {
        return test.env.BRANCH_NAME ?: test.env.GIT_LOCAL_BRANCH
    }

    private boolean tagMatches(String pattern, String comparator) {
        String tag = test.env.TAG_NAME
        if (!tag) {
            return false
        }
        return !pattern || compare(pattern, comparator ?: 'GLOB', tag)
    }

    private static boolean matches(String pattern, String comparator, String actual) {
        if (!pattern || !actual) {
            return !pattern && !actual
        }
        return compare(pattern, comparator ?: 'GLOB', actual)
    }

    private boolean changeRequest(Map m) {
        Map<String, String> env = test.env
        if (!env.CHANGE_ID) {
            return false
        }
        String comparator = m.comparator ?: 'EQUALS'
        return CHANGE_FIELDS.every { String field, String variable ->
            !m[field] || compare(m[field] as String, comparator, env[variable])
        }
    }

    private boolean environmentMatches(String name, String value, boolean ignoreCase) {
        String actual = test.env[name]
        if (!actual) {
            return !value
        }
        return ignoreCase ? actual.equalsIgnoreCase(value) : actual == value
    }

    /** Declarative's comparators: GLOB (Ant path pattern, case-insensitive), REGEXP, EQUALS. */
    static boolean compare(String pattern, String comparator, String actual) {
        String value = actual ?: ''
        switch (comparator.toUpperCase(Locale.ROOT)) {
            case 'REGEXP':
                return value.matches(pattern)
            case 'EQUALS':
                return value == pattern
            default:
                return AntPattern.matches(pattern, value, false)
        }
    }
}
