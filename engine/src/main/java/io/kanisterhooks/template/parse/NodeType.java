package io.kanisterhooks.template.parse;

/** The kinds of template syntax tree nodes (Go's {@code parse.NodeType}). */
public enum NodeType {
    TEXT,
    ACTION,
    BOOL,
    CHAIN,
    COMMAND,
    DOT,
    ELSE,
    END,
    FIELD,
    IDENTIFIER,
    IF,
    LIST,
    NIL,
    NUMBER,
    PIPE,
    RANGE,
    STRING,
    TEMPLATE,
    VARIABLE,
    WITH,
    COMMENT,
    BREAK,
    CONTINUE
}
