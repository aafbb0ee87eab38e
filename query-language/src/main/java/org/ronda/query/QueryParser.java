package org.ronda.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the researchers' query language into a {@link QueryNode}.
 *
 * <ul>
 *   <li>{@code word}, {@code "a phrase"}, {@code prefix*}</li>
 *   <li>{@code AND}, {@code OR}, {@code NOT} (upper case; lower case they are plain words), {@code -word}
 *       for NOT, and juxtaposition for AND; AND binds tighter than OR</li>
 *   <li>{@code ( ... )} to group</li>
 *   <li>{@code field:value}, {@code field:"a phrase"}, {@code field:prefix*}, {@code field:( ... )}
 *       with the fields of {@link QueryField}</li>
 * </ul>
 *
 * A query that breaks these rules raises {@link QuerySyntaxException} naming the position. Instances
 * are stateless and thread-safe.
 */
public final class QueryParser {

    /** Parses {@code query}; a blank query is a syntax error (callers treat blank as "everything" first). */
    public QueryNode parse(String query) {
        if (query == null || query.isBlank()) {
            throw new QuerySyntaxException("empty query", 0);
        }
        Cursor c = new Cursor(new Lexer(query).tokens());
        QueryNode node = or(c, null);
        Token next = c.peek();
        if (next.type() != Type.EOF) {
            throw unexpected(next);
        }
        return node;
    }

    private QueryNode or(Cursor c, QueryField field) {
        List<QueryNode> operands = new ArrayList<>();
        operands.add(and(c, field));
        while (c.peek().type() == Type.OR) {
            Token op = c.next();
            requireTerm(c, op);
            operands.add(and(c, field));
        }
        return operands.size() == 1 ? operands.get(0) : new QueryNode.Or(operands);
    }

    private QueryNode and(Cursor c, QueryField field) {
        List<QueryNode> operands = new ArrayList<>();
        operands.add(unary(c, field));
        while (true) {
            Token next = c.peek();
            if (next.type() == Type.AND) {
                c.next();
                requireTerm(c, next);
            } else if (!next.type().startsTerm) {
                break;
            }
            operands.add(unary(c, field));
        }
        return operands.size() == 1 ? operands.get(0) : new QueryNode.And(operands);
    }

    private QueryNode unary(Cursor c, QueryField field) {
        Token next = c.peek();
        if (next.type() == Type.NOT || next.type() == Type.MINUS) {
            c.next();
            requireTerm(c, next);
            return new QueryNode.Not(unary(c, field));
        }
        return primary(c, field);
    }

    private QueryNode primary(Cursor c, QueryField field) {
        Token t = c.next();
        switch (t.type()) {
            case WORD:
                return word(t, field);
            case PHRASE:
                return new QueryNode.Phrase(field, t.text());
            case LPAREN:
                return group(c, t, field);
            case FIELD:
                return fieldValue(c, t, field);
            default:
                throw unexpected(t);
        }
    }

    private QueryNode group(Cursor c, Token open, QueryField field) {
        if (c.peek().type() == Type.RPAREN) {
            throw new QuerySyntaxException("empty parentheses", open.position());
        }
        QueryNode inner = or(c, field);
        Token close = c.next();
        if (close.type() == Type.EOF) {
            throw new QuerySyntaxException("unclosed '('", open.position());
        }
        if (close.type() != Type.RPAREN) {
            throw unexpected(close);
        }
        return inner;
    }

    private QueryNode fieldValue(Cursor c, Token fieldToken, QueryField outer) {
        if (outer != null) {
            throw new QuerySyntaxException("field '" + fieldToken.text() + ":' inside '" + outer.queryName() + ":( )'",
                    fieldToken.position());
        }
        QueryField field = QueryField.named(fieldToken.text())
                .orElseThrow(() -> new QuerySyntaxException(
                        "unknown field '" + fieldToken.text() + "'", fieldToken.position(), "fields: " + QueryField.names()));
        int valueAt = fieldToken.position() + fieldToken.text().length() + 1;
        Token value = c.peek();
        if (value.position() != valueAt || !(value.type() == Type.WORD || value.type() == Type.PHRASE || value.type() == Type.LPAREN)) {
            throw new QuerySyntaxException("missing value after '" + fieldToken.text() + ":'", valueAt);
        }
        return primary(c, field);
    }

    private static QueryNode word(Token t, QueryField field) {
        String text = t.text();
        int star = text.indexOf('*');
        if (star < 0) {
            return new QueryNode.Word(field, text);
        }
        if (star == 0) {
            throw new QuerySyntaxException("'*' needs a word before it", t.position());
        }
        if (star != text.length() - 1) {
            throw new QuerySyntaxException("'*' is only allowed at the end of a word", t.position() + star);
        }
        return new QueryNode.Prefix(field, text.substring(0, star));
    }

    private static void requireTerm(Cursor c, Token operator) {
        Token next = c.peek();
        if (!next.type().startsTerm) {
            throw new QuerySyntaxException("expected a term after '" + operator.text() + "'", next.position());
        }
    }

    private static QuerySyntaxException unexpected(Token t) {
        if (t.type() == Type.EOF) {
            return new QuerySyntaxException("unexpected end of query", t.position());
        }
        return new QuerySyntaxException("unexpected '" + t.text() + "'", t.position());
    }

    enum Type {
        WORD(true), PHRASE(true), FIELD(true), LPAREN(true), NOT(true), MINUS(true),
        RPAREN(false), AND(false), OR(false), EOF(false);

        final boolean startsTerm;

        Type(boolean startsTerm) {
            this.startsTerm = startsTerm;
        }
    }

    record Token(Type type, String text, int position) {
    }

    private static final class Cursor {
        private final List<Token> tokens;
        private int index;

        Cursor(List<Token> tokens) {
            this.tokens = tokens;
        }

        Token peek() {
            return tokens.get(index);
        }

        Token next() {
            Token t = tokens.get(index);
            if (t.type() != Type.EOF) {
                index++;
            }
            return t;
        }
    }

    /** Splits a query into tokens; only quotes can fail here. */
    static final class Lexer {
        private final String s;
        private int i;

        Lexer(String s) {
            this.s = s;
        }

        List<Token> tokens() {
            List<Token> out = new ArrayList<>();
            while (true) {
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i >= s.length()) {
                    out.add(new Token(Type.EOF, "", s.length()));
                    return out;
                }
                char ch = s.charAt(i);
                if (ch == '(') {
                    out.add(new Token(Type.LPAREN, "(", i++));
                } else if (ch == ')') {
                    out.add(new Token(Type.RPAREN, ")", i++));
                } else if (ch == '"') {
                    out.add(phrase());
                } else if (ch == '-') {
                    out.add(new Token(Type.MINUS, "-", i++));
                } else {
                    word(out);
                }
            }
        }

        private Token phrase() {
            int open = i;
            int close = s.indexOf('"', open + 1);
            if (close < 0) {
                throw new QuerySyntaxException("unclosed quote", open);
            }
            String text = s.substring(open + 1, close).strip().replaceAll("\\s+", " ");
            if (text.isEmpty()) {
                throw new QuerySyntaxException("empty phrase", open);
            }
            i = close + 1;
            return new Token(Type.PHRASE, text, open);
        }

        private void word(List<Token> out) {
            int start = i;
            while (i < s.length() && !isDelimiter(s.charAt(i))) {
                i++;
            }
            String text = s.substring(start, i);
            int colon = text.indexOf(':');
            if (colon > 0 && text.substring(0, colon).chars().allMatch(Character::isLetter)) {
                out.add(new Token(Type.FIELD, text.substring(0, colon), start));
                // The value is lexed on its own: a word, a quote or a parenthesis right after the colon.
                i = start + colon + 1;
                return;
            }
            Type type = switch (text) {
                case "AND" -> Type.AND;
                case "OR" -> Type.OR;
                case "NOT" -> Type.NOT;
                default -> Type.WORD;
            };
            out.add(new Token(type, text, start));
        }

        private static boolean isDelimiter(char ch) {
            return Character.isWhitespace(ch) || ch == '(' || ch == ')' || ch == '"';
        }
    }
}
