import { type ExprToken, lexExpression } from "./expression-lexer.js";
import { liquidFilter } from "./filters.js";

/** A parsed Jinja expression, in the subset we translate. */
export type Expr =
  | { type: "value"; liquid: string; filtered: boolean }
  | { type: "super" }
  | { type: "compare"; op: string; left: Expr; right: Expr }
  | { type: "contains"; haystack: Expr; needle: Expr; negate: boolean }
  | { type: "nil"; operand: Expr; isNil: boolean }
  | { type: "not"; operand: Expr }
  | { type: "logic"; op: "and" | "or"; items: Expr[] }
  | { type: "call"; callee: string; args: Expr[]; kwargs: [string, Expr][] };

/** What the parser needs from the statement around the expression. */
export interface ExprContext {
  fail: (message: string) => never;
  /** Inside a for loop, where `loop.x` means liquid's `forloop.x`. */
  inLoop: boolean;
  /** The liquid name of a variable: a macro's parameters and locals are renamed apart. */
  rename?: (name: string) => string;
}

const COMPARISONS = ["==", "!=", "<", ">", "<=", ">="];
const LITERALS: Record<string, string> = {
  true: "true",
  True: "true",
  false: "false",
  False: "false",
  none: "nil",
  None: "nil",
};

/** Parses a Jinja expression. */
export function parseExpression(text: string, context: ExprContext): Expr {
  const parser = new ExprParser(lexExpression(text, context.fail), text, context);
  return parser.parseAll();
}

class ExprParser {
  private pos = 0;
  constructor(
    private readonly tokens: ExprToken[],
    private readonly text: string,
    private readonly context: ExprContext,
  ) {}

  parseAll(): Expr {
    if (this.tokens.length === 0) this.context.fail("empty expression");
    const expr = this.parseLogic("or");
    const extra = this.peek();
    if (extra) this.context.fail(`unsupported "${extra.value}" in expression "${this.text}"`);
    return expr;
  }

  private parseLogic(op: "and" | "or"): Expr {
    const next = () => (op === "or" ? this.parseLogic("and") : this.parseNot());
    const items = [next()];
    while (this.acceptName(op)) items.push(next());
    return items.length === 1 ? items[0]! : { type: "logic", op, items };
  }

  private parseNot(): Expr {
    if (this.acceptName("not")) return { type: "not", operand: this.parseNot() };
    return this.parseCompare();
  }

  private parseCompare(): Expr {
    const left = this.parseFiltered();
    const token = this.peek();
    if (token?.type === "op" && COMPARISONS.includes(token.value)) {
      this.pos++;
      return { type: "compare", op: token.value, left, right: this.parseFiltered() };
    }
    if (this.acceptName("is")) {
      const negate = this.acceptName("not");
      const test = this.expectName();
      if (!["none", "None", "defined", "undefined"].includes(test))
        this.context.fail(`unsupported test "is ${test}" (only none and defined)`);
      const isNil = (test === "none" || test === "None" || test === "undefined") !== negate;
      return { type: "nil", operand: left, isNil };
    }
    const negate = this.peek()?.value === "not" && this.tokens[this.pos + 1]?.value === "in";
    if (negate) this.pos++;
    if (this.acceptName("in"))
      return { type: "contains", haystack: this.parseFiltered(), needle: left, negate };
    return left;
  }

  private parseFiltered(): Expr {
    let base = this.parsePrimary();
    while (this.acceptOp("|")) {
      if (base.type === "call") this.context.fail(`filters on ${base.callee}() are not supported`);
      if (base.type !== "value") this.context.fail("filters apply to values only");
      const name = this.expectName();
      const args = this.acceptOp("(") ? this.parseArgs() : [];
      const filter = liquidFilter(name, args);
      if (filter === undefined)
        this.context.fail(`unsupported filter "${name}" (or its arguments)`);
      base = { type: "value", liquid: `${base.liquid} | ${filter}`, filtered: true };
    }
    return base;
  }

  private parseArgs(): string[] {
    const args: string[] = [];
    while (!this.acceptOp(")")) {
      if (args.length > 0 && !this.acceptOp(","))
        this.context.fail(`expected "," or ")" in "${this.text}"`);
      if (this.peek()?.type === "name" && this.tokens[this.pos + 1]?.value === "=")
        this.context.fail("keyword arguments to filters are not supported");
      const arg = this.parsePrimary();
      if (arg.type !== "value") this.context.fail("filter arguments must be plain values");
      args.push(arg.liquid);
    }
    return args;
  }

  private parsePrimary(): Expr {
    const token = this.next();
    if (token.type === "string")
      return { type: "value", liquid: JSON.stringify(token.value), filtered: false };
    if (token.type === "number") return { type: "value", liquid: token.value, filtered: false };
    if (token.type === "op" && token.value === "[") return this.parseList();
    if (token.type === "op") {
      const what = token.value === "(" ? "parentheses" : `"${token.value}"`;
      return this.context.fail(`${what} are not supported in expressions ("${this.text}")`);
    }
    const literal = LITERALS[token.value];
    if (literal !== undefined) return { type: "value", liquid: literal, filtered: false };
    if (token.value === "super" && this.acceptOp("(")) {
      if (!this.acceptOp(")")) this.context.fail("super() takes no arguments");
      return { type: "super" };
    }
    return this.parsePath(token.value);
  }

  /** `[a, b]`: a list built by our `jinja_list` filter (liquid has no list literals). */
  private parseList(): Expr {
    const items: string[] = [];
    while (!this.acceptOp("]")) {
      if (items.length > 0 && !this.acceptOp(","))
        this.context.fail(`expected "," or "]" in "${this.text}"`);
      if (this.acceptOp("]")) break;
      const item = this.parsePrimary();
      if (item.type !== "value" || item.filtered)
        this.context.fail("list items must be plain values or names");
      items.push(item.liquid);
    }
    const args = items.length === 0 ? "" : `: ${items.join(", ")}`;
    return { type: "value", liquid: `nil | jinja_list${args}`, filtered: true };
  }

  /** A macro call's arguments, positional then `name=value`. */
  private parseCall(callee: string): Expr {
    const args: Expr[] = [];
    const kwargs: [string, Expr][] = [];
    while (!this.acceptOp(")")) {
      if (args.length + kwargs.length > 0 && !this.acceptOp(","))
        this.context.fail(`expected "," or ")" in "${this.text}"`);
      const keyword = this.peek()?.type === "name" && this.tokens[this.pos + 1]?.value === "=";
      if (keyword) {
        const name = this.expectName();
        this.pos++;
        kwargs.push([name, this.parseFiltered()]);
      } else {
        if (kwargs.length > 0)
          this.context.fail(`positional argument after a keyword in "${this.text}"`);
        args.push(this.parseFiltered());
      }
    }
    return { type: "call", callee, args, kwargs };
  }

  private parsePath(head: string): Expr {
    let raw = head;
    let liquid =
      head === "loop" && this.context.inLoop ? "forloop" : (this.context.rename?.(head) ?? head);
    for (;;) {
      if (this.peek()?.value === "." && this.tokens[this.pos + 1]?.type === "name") {
        this.pos++;
        const name = this.expectName();
        raw += `.${name}`;
        liquid += `.${name}`;
      } else if (this.acceptOp("[")) {
        const key = this.next();
        if (key.type !== "string" && key.type !== "number")
          this.context.fail("only literal subscripts are supported");
        liquid += `[${key.type === "string" ? JSON.stringify(key.value) : key.value}]`;
        if (!this.acceptOp("]")) this.context.fail(`expected "]" in "${this.text}"`);
      } else if (this.acceptOp("(")) return this.parseCall(raw);
      else return { type: "value", liquid, filtered: false };
    }
  }

  private peek(): ExprToken | undefined {
    return this.tokens[this.pos];
  }

  private next(): ExprToken {
    const token = this.tokens[this.pos++];
    return token ?? this.context.fail(`expression "${this.text}" ends too early`);
  }

  private acceptName(name: string): boolean {
    const token = this.peek();
    if (token?.type !== "name" || token.value !== name) return false;
    this.pos++;
    return true;
  }

  private acceptOp(op: string): boolean {
    const token = this.peek();
    if (token?.type !== "op" || token.value !== op) return false;
    this.pos++;
    return true;
  }

  private expectName(): string {
    const token = this.next();
    if (token.type !== "name")
      this.context.fail(`expected a name, got "${token.value}" in "${this.text}"`);
    return token.value;
  }
}
