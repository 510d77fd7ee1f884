package dev.turnpike.codegen.vtl;

/** A template the compiler cannot turn into Java: where (template line:column) and why. */
public final class VtlCompileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String reason;

    VtlCompileException(int line, int column, String reason) {
        super("line " + line + ", column " + column + ": " + reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** 1-based template line; 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based template column; 0 when unknown. */
    public int column() {
        return column;
    }

    /** What is not supported, without the position. */
    public String reason() {
        return reason;
    }
}
