import { emitCondition, emitValue } from "./emit.js";
import { jinjaError } from "./error.js";
import { type ExprContext, parseExpression } from "./expression.js";
import { type JinjaToken, lexJinja, type TagToken } from "./lexer.js";
import { applyJinjaWhitespace } from "./whitespace.js";

/** Templates a user template may extend by BentoML's file name (`python_debian.j2`). */
export const EXTENDABLE = [
  "base",
  "base_debian",
  "base_alpine",
  "base_ubi8",
  "base_amazonlinux",
  "python_debian",
  "python_alpine",
  "python_ubi8",
  "python_amazonlinux",
  "miniconda_debian",
  "miniconda_alpine",
  "cuda_debian",
  "cuda_ubi8",
];

/** Names BentoML gives the template the bento would use anyway. */
const AUTO_TEMPLATE = ["bento_base_template", "bento_autotemplate", "bento_auto_template"];
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface Frame {
  kind: "block" | "if" | "for" | "set";
  line: number;
  name?: string;
  /** Output index before the if-chain, where hoisted variables go. */
  start: number;
  sawElse?: boolean;
}

/**
 * Translates a Jinja Dockerfile template (the subset BentoML users write) into
 * liquid; `baseTemplate` is what `{% extends bento_base_template %}` means.
 * Anything else is a ContainerfileError naming `file` and the line.
 */
export function translateJinja(source: string, file: string, baseTemplate: string): string {
  return new Translator(file, baseTemplate).run(applyJinjaWhitespace(lexJinja(source, file)));
}

class Translator {
  private readonly out: string[] = [];
  private readonly frames: Frame[] = [];
  private temp = 0;
  private line = 1;

  constructor(
    private readonly file: string,
    private readonly baseTemplate: string,
  ) {}

  run(tokens: readonly JinjaToken[]): string {
    for (const token of tokens) {
      this.line = token.line;
      if (token.kind === "text") this.out.push(token.raw ? `{% raw %}${token.text}` : token.text);
      else if (token.kind === "output") this.output(token);
      else if (token.kind === "statement") this.statement(token);
    }
    const open = this.frames.at(-1);
    if (open) throw jinjaError(this.file, open.line, `{% ${open.kind} %} is never closed`);
    return this.out.join("");
  }

  private fail = (message: string): never => {
    throw jinjaError(this.file, this.line, message);
  };

  private context(): ExprContext {
    return { fail: this.fail, inLoop: this.frames.some((frame) => frame.kind === "for") };
  }

  private output(token: TagToken): void {
    const expr = parseExpression(token.body, this.context());
    if (expr.type !== "super") return void this.out.push(`{{ ${emitValue(expr, this.fail)} }}`);
    if (!this.frames.some((frame) => frame.kind === "block"))
      this.fail("super() is only allowed inside a block");
    this.out.push("{{ block.super }}");
  }

  private statement(token: TagToken): void {
    const match = /^(\w+)\s*([\s\S]*)$/.exec(token.body);
    const handler = this.handlers[match?.[1] ?? ""];
    if (handler === undefined) this.fail(`unsupported Jinja statement {% ${token.body} %}`);
    else handler(match?.[2]?.trim() ?? "");
  }

  /** What each supported statement keyword becomes. */
  private readonly handlers: Record<string, (rest: string) => void> = {
    extends: (rest) => this.extends(rest),
    block: (rest) =>
      this.open({ kind: "block", name: this.identifier(rest, "block") }, `{% block ${rest} %}`),
    endblock: (rest) => this.close("block", rest, "{% endblock %}"),
    if: (rest) => this.if(rest),
    elif: (rest) => this.branch("elif", rest),
    else: (rest) => this.branch("else", rest),
    endif: (rest) => this.close("if", rest, "{% endif %}"),
    for: (rest) => this.for(rest),
    endfor: (rest) => this.close("for", rest, "{% endfor %}"),
    set: (rest) => this.set(rest),
    endset: (rest) => this.close("set", rest, "{% endcapture %}"),
    break: () => this.loopControl("break"),
    continue: () => this.loopControl("continue"),
    raw: () => {},
    endraw: () => this.out.push("{% endraw %}"),
  };

  private loopControl(keyword: "break" | "continue"): void {
    if (!this.frames.some((frame) => frame.kind === "for"))
      this.fail(`{% ${keyword} %} outside a for loop`);
    this.out.push(`{% ${keyword} %}`);
  }

  private extends(target: string): void {
    const literal = /^(["'])([\w.]+)\1$/.exec(target)?.[2]?.replace(/\.j2$/, "");
    const name = AUTO_TEMPLATE.includes(target) ? this.baseTemplate : literal;
    if (name === undefined || !EXTENDABLE.includes(name))
      this.fail(
        `cannot extend ${target}; extend bento_base_template or one of ${EXTENDABLE.map((t) => `"${t}.j2"`).join(", ")}`,
      );
    this.out.push(`{% layout "${name}" %}`);
  }

  private if(condition: string): void {
    const frame: Frame = { kind: "if", line: this.line, start: this.out.length };
    this.frames.push(frame);
    this.out.push(`{% if ${this.condition(condition, frame)} %}`);
  }

  private branch(keyword: "elif" | "else", condition: string): void {
    const frame = this.frames.at(-1);
    const loopElse = keyword === "else" && frame?.kind === "for";
    if (!loopElse && (frame?.kind !== "if" || frame.sawElse))
      this.fail(`{% ${keyword} %} without a matching {% if %}`);
    if (keyword === "else") {
      if (condition !== "") this.fail("{% else %} takes no condition");
      if (frame) frame.sawElse = true;
      this.out.push("{% else %}");
    } else this.out.push(`{% elsif ${this.condition(condition, frame!)} %}`);
  }

  /** A condition; filtered operands become variables assigned before the if-chain. */
  private condition(text: string, frame: Frame): string {
    const hoist = (value: string) => {
      const name = `__jinja_${this.temp++}`;
      this.out.splice(frame.start, 0, `{% assign ${name} = ${value} %}`);
      return name;
    };
    return emitCondition(parseExpression(text, this.context()), hoist, this.fail);
  }

  private for(header: string): void {
    const pair = /^(\w+)\s*,\s*(\w+)\s+in\s+([\s\S]+?)\.items\(\s*\)$/.exec(header);
    const single = /^(\w+)\s+in\s+([\s\S]+)$/.exec(header);
    const collectionText = pair?.[3] ?? single?.[2];
    if (collectionText === undefined) this.fail(`unsupported loop {% for ${header} %}`);
    const collection = this.collection(collectionText ?? "");
    if (pair) {
      // Liquid iterates a mapping as [key, value] pairs.
      const item = `__jinja_${this.temp++}`;
      const key = this.identifier(pair[1]!, "loop variable");
      const value = this.identifier(pair[2]!, "loop variable");
      const assigns = `{% assign ${key} = ${item}[0] %}{% assign ${value} = ${item}[1] %}`;
      this.open({ kind: "for" }, `{% for ${item} in ${collection} %}${assigns}`);
    } else {
      const name = this.identifier(single?.[1] ?? "", "loop variable");
      this.open({ kind: "for" }, `{% for ${name} in ${collection} %}`);
    }
  }

  /** A loop's collection; a filtered one is assigned to a variable first (liquid loops cannot filter). */
  private collection(text: string): string {
    const expr = parseExpression(text, this.context());
    const liquid = emitValue(expr, this.fail);
    if (expr.type !== "value" || !expr.filtered) return liquid;
    const name = `__jinja_${this.temp++}`;
    this.out.push(`{% assign ${name} = ${liquid} %}`);
    return name;
  }

  private set(rest: string): void {
    const assign = /^(\w+)\s*=\s*([\s\S]+)$/.exec(rest);
    if (assign) {
      const value = emitValue(parseExpression(assign[2]!, this.context()), this.fail);
      this.out.push(`{% assign ${this.identifier(assign[1]!, "variable")} = ${value} %}`);
    } else {
      const name = this.identifier(rest, "variable");
      this.open({ kind: "set", name }, `{% capture ${name} %}`);
    }
  }

  private identifier(name: string, what: string): string {
    if (!IDENTIFIER.test(name)) this.fail(`unsupported ${what} name "${name}"`);
    return name;
  }

  private open(frame: Omit<Frame, "line" | "start">, liquid: string): void {
    this.frames.push({ ...frame, line: this.line, start: this.out.length });
    this.out.push(liquid);
  }

  private close(kind: Frame["kind"], name: string, liquid: string): void {
    const frame = this.frames.pop();
    if (frame?.kind !== kind)
      throw jinjaError(this.file, this.line, `{% end${kind} %} without a matching {% ${kind} %}`);
    if (name !== "" && name !== frame.name)
      this.fail(`{% end${kind} ${name} %} closes {% ${kind} ${frame.name ?? ""} %}`);
    this.out.push(liquid);
  }
}
