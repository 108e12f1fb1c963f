import { emitCondition, emitValue } from "./emit.js";
import { jinjaError } from "./error.js";
import { type Expr, type ExprContext, parseExpression } from "./expression.js";
import { type JinjaToken, lexJinja, type TagToken } from "./lexer.js";
import {
  findClosing,
  type MacroDef,
  MacroLibrary,
  type MacroSources,
  parseSignature,
} from "./macros.js";
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

/** Where names resolve: the template's top level, or one expansion of a macro. */
interface Scope {
  /** Variables renamed apart (a macro's parameters and locals). */
  renames: Map<string, string>;
  /** Macros callable by bare name. */
  macros: Map<string, MacroDef>;
  /** `{% import ... as ns %}` namespaces. */
  namespaces: Map<string, Map<string, MacroDef>>;
  /** What `caller()` expands to inside a macro called with `{% call %}`. */
  caller?: { tokens: JinjaToken[]; scope: Scope };
  depth: number;
}

/** How deep macros may call macros (a recursive macro would never end). */
const MAX_DEPTH = 16;

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
export function translateJinja(
  source: string,
  file: string,
  baseTemplate: string,
  macroFiles: MacroSources = {},
): string {
  return new Translator(file, baseTemplate, macroFiles).run(
    applyJinjaWhitespace(lexJinja(source, file)),
  );
}

class Translator {
  private readonly out: string[] = [];
  private readonly frames: Frame[] = [];
  private temp = 0;
  private line = 1;
  private scope: Scope = {
    renames: new Map(),
    macros: new Map(),
    namespaces: new Map(),
    depth: 0,
  };
  private readonly library: MacroLibrary;

  constructor(
    private readonly file: string,
    private readonly baseTemplate: string,
    macroFiles: MacroSources,
  ) {
    this.library = new MacroLibrary(macroFiles);
  }

  run(tokens: readonly JinjaToken[]): string {
    this.process(tokens);
    const open = this.frames.at(-1);
    if (open) throw jinjaError(this.file, open.line, `{% ${open.kind} %} is never closed`);
    return this.out.join("");
  }

  private process(tokens: readonly JinjaToken[]): void {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      this.line = token.line;
      if (token.kind === "text") this.out.push(token.raw ? `{% raw %}${token.text}` : token.text);
      else if (token.kind === "output") this.output(token);
      else if (token.kind === "statement" && /^(macro|call)\b/.test(token.body))
        i = this.captured(tokens, i);
      else if (token.kind === "statement") this.statement(token);
    }
  }

  /** `{% macro %}` (defined, renders nothing) or `{% call %}` (expanded): returns the closing tag's index. */
  private captured(tokens: readonly JinjaToken[], start: number): number {
    const token = tokens[start] as TagToken;
    const keyword = token.body.startsWith("macro") ? "macro" : "call";
    const end = findClosing(tokens, start, keyword);
    if (end < 0) this.fail(`{% ${keyword} %} is never closed`);
    const body = tokens.slice(start + 1, end);
    const rest = token.body.slice(keyword.length).trim();
    if (keyword === "macro") {
      const signature = parseSignature(rest, this.fail);
      this.scope.macros.set(signature.name, {
        ...signature,
        body,
        module: this.scope.macros,
        file: this.file,
      });
    } else {
      const call = parseExpression(rest, this.context());
      if (call.type !== "call") this.fail(`{% call %} needs a macro call, got "${rest}"`);
      else this.expand(call, { tokens: body, scope: this.scope });
    }
    return end;
  }

  /** A macro call inline: parameters assigned under private names, then the body. */
  private expand(call: Extract<Expr, { type: "call" }>, caller?: Scope["caller"]): void {
    if (call.callee === "caller") return void this.expandCaller(call);
    if (call.callee === "expands_bento_path") return void this.expandsBentoPath(call);
    const macro = this.resolveMacro(call.callee);
    if (this.scope.depth >= MAX_DEPTH) this.fail(`${call.callee}() calls itself too deeply`);
    const values = new Map<string, string>();
    call.args.forEach((arg, i) => {
      const param = macro.params[i];
      if (param === undefined) this.fail(`${call.callee}() takes ${macro.params.length} arguments`);
      else values.set(param.name, this.valueOf(arg));
    });
    for (const [name, arg] of call.kwargs) {
      if (!macro.params.some((p) => p.name === name))
        this.fail(`${call.callee}() has no parameter "${name}"`);
      values.set(name, this.valueOf(arg));
    }
    const id = this.temp++;
    const scope: Scope = {
      renames: new Map(macro.params.map((p) => [p.name, `__jinja_${id}_${p.name}`])),
      macros: macro.module,
      namespaces: new Map(),
      caller,
      depth: this.scope.depth + 1,
    };
    const outer = this.scope;
    this.scope = scope;
    for (const param of macro.params) {
      const value =
        values.get(param.name) ??
        (param.default === undefined ? "nil" : this.valueOf(this.parse(param.default)));
      this.out.push(`{% assign ${scope.renames.get(param.name)} = ${value} %}`);
    }
    this.process(macro.body);
    this.scope = outer;
  }

  private expandCaller(call: Extract<Expr, { type: "call" }>): void {
    const caller = this.scope.caller;
    if (caller === undefined)
      this.fail("caller() is only allowed in a macro called with {% call %}");
    if (call.args.length + call.kwargs.length > 0) this.fail("caller() takes no arguments here");
    const outer = this.scope;
    this.scope = caller!.scope;
    this.process(caller!.tokens);
    this.scope = outer;
  }

  /** BentoML's `expands_bento_path(*parts, bento_path=bento__path)`: the parts joined under the bento path. */
  private expandsBentoPath(call: Extract<Expr, { type: "call" }>): void {
    const base = call.kwargs.find(([name]) => name === "bento_path")?.[1];
    const parts = [base === undefined ? "bento__path" : this.valueOf(base)];
    parts.push(...call.args.map((arg) => this.valueOf(arg)));
    this.out.push(parts.map((part) => `{{ ${part} }}`).join("/"));
  }

  private resolveMacro(callee: string): MacroDef {
    const [first, second, extra] = callee.split(".");
    const macro =
      second === undefined
        ? this.scope.macros.get(first!)
        : extra === undefined
          ? this.scope.namespaces.get(first!)?.get(second)
          : undefined;
    return (
      macro ??
      this.fail(
        `calling ${callee}() is not supported: no macro of that name is defined or imported`,
      )
    );
  }

  /** Liquid text of a value; a macro call in it is rendered into a variable first. */
  private valueOf(expr: Expr): string {
    if (expr.type !== "call") return emitValue(expr, this.fail);
    const name = `__jinja_${this.temp++}`;
    this.out.push(`{% capture ${name} %}`);
    this.expand(expr);
    this.out.push("{% endcapture %}");
    return name;
  }

  private parse(text: string): Expr {
    return parseExpression(text, this.context());
  }

  /** `{% import 'file' as ns %}` and `{% from 'file' import a, b as c %}`. */
  private importMacros(rest: string, from: boolean): void {
    const imported = this.library.importStatement(rest, from, this.fail);
    if (imported.namespace) this.scope.namespaces.set(...imported.namespace);
    for (const [name, macro] of imported.names) this.scope.macros.set(name, macro);
  }

  private fail = (message: string): never => {
    throw jinjaError(this.file, this.line, message);
  };

  private context(): ExprContext {
    const renames = this.scope.renames;
    return {
      fail: this.fail,
      inLoop: this.frames.some((frame) => frame.kind === "for"),
      rename: (name) => renames.get(name) ?? name,
    };
  }

  private output(token: TagToken): void {
    const expr = parseExpression(token.body, this.context());
    if (expr.type === "call") return void this.expand(expr);
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
    import: (rest) => this.importMacros(rest, false),
    from: (rest) => this.importMacros(rest, true),
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
      const value = this.valueOf(parseExpression(assign[2]!, this.context()));
      this.out.push(`{% assign ${this.local(assign[1]!)} = ${value} %}`);
    } else {
      const name = this.local(rest);
      this.open({ kind: "set", name }, `{% capture ${name} %}`);
    }
  }

  /** The liquid name a `{% set %}` writes: inside a macro, a name of its own (Jinja scopes it there). */
  private local(name: string): string {
    const checked = this.identifier(name, "variable");
    if (this.scope.depth === 0) return checked;
    const renamed = this.scope.renames.get(checked) ?? `__jinja_${this.temp++}_${checked}`;
    this.scope.renames.set(checked, renamed);
    return renamed;
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
