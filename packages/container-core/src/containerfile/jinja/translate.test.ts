import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ContainerfileError } from "../../errors.js";
import { containerfileEngine } from "../engine.js";
import { translateJinja } from "./translate.js";

const FILE = "env/docker/Dockerfile.template";
const MACROS = readFileSync(
  fileURLToPath(new URL("../templates/_macros.j2", import.meta.url)),
  "utf8",
);
const translate = (source: string) =>
  translateJinja(source, FILE, "python_debian", { "_macros.j2": MACROS });
const render = async (source: string, variables: Record<string, unknown> = {}) =>
  (await containerfileEngine()).parseAndRender(translate(source), variables);

describe("Jinja to liquid translation", () => {
  it.each([
    ["{% extends bento_base_template %}", '{% layout "python_debian" %}'],
    ['{% extends "base_debian.j2" %}', '{% layout "base_debian" %}'],
    ["{% extends 'cuda_ubi8.j2' %}", '{% layout "cuda_ubi8" %}'],
    [
      "{% block SETUP_BENTO_USER %}{{ super() }}X{% endblock %}",
      "{% block SETUP_BENTO_USER %}{{ block.super }}X{% endblock %}",
    ],
    ["{% block A %}{% endblock A %}", "{% block A %}{% endblock %}"],
    ["{{ bento__path }}/x", "{{ bento__path }}/x"],
    ["{{ __options__env['HF_HOME'] }}", '{{ __options__env["HF_HOME"] }}'],
    ["{{ pkgs[0] | upper }}", "{{ pkgs[0] | upcase }}"],
    ["{{ pkgs | join(' ') }}|{{ pkgs | join }}", '{{ pkgs | join: " " }}|{{ pkgs | join: "" }}'],
    ["{{ v | default('3.11') | bash_quote }}", '{{ v | default: "3.11" | bash_quote }}'],
    ["{{ v | replace('.', '') }}", '{{ v | replace: ".", "" }}'],
    ['{{ "a\\"b" }}', '{{ "a\\"b" }}'],
    ["{{ none }}{{ True }}{{ 3 }}", "{{ nil }}{{ true }}{{ 3 }}"],
    [
      "{% if a %}x{% elif b == 'y' %}y{% else %}z{% endif %}",
      '{% if a %}x{% elsif b == "y" %}y{% else %}z{% endif %}',
    ],
    [
      "{% if a is none %}{% endif %}{% if a is not none %}{% endif %}",
      "{% if a == nil %}{% endif %}{% if a != nil %}{% endif %}",
    ],
    ["{% if a is defined and not b %}{% endif %}", "{% if a != nil and not b %}{% endif %}"],
    [
      "{% if 'git' in pkgs %}{% endif %}{% if 'x' not in pkgs %}{% endif %}",
      '{% if pkgs contains "git" %}{% endif %}{% if not pkgs contains "x" %}{% endif %}',
    ],
    [
      "{% if pkgs | length > 1 %}a{% elif pkgs | first == 'x' %}b{% endif %}",
      '{% assign __jinja_1 = pkgs | first %}{% assign __jinja_0 = pkgs | size %}{% if __jinja_0 > 1 %}a{% elsif __jinja_1 == "x" %}b{% endif %}',
    ],
    [
      "{% for p in pkgs %}{{ loop.index }}:{{ p }}{% else %}none{% endfor %}",
      "{% for p in pkgs %}{{ forloop.index }}:{{ p }}{% else %}none{% endfor %}",
    ],
    [
      "{% for k, v in __options__env.items() %}{{ k }}={{ v }}{% endfor %}",
      "{% for __jinja_0 in __options__env %}{% assign k = __jinja_0[0] %}{% assign v = __jinja_0[1] %}{{ k }}={{ v }}{% endfor %}",
    ],
    [
      "{% for p in pkgs | sort %}{% break %}{% endfor %}",
      "{% assign __jinja_0 = pkgs | sort %}{% for p in __jinja_0 %}{% break %}{% endfor %}",
    ],
    [
      "{% set home = '/srv' %}{% set who = bento__user | upper %}",
      '{% assign home = "/srv" %}{% assign who = bento__user | upcase %}',
    ],
    ["{% set body %}RUN x{% endset %}", "{% capture body %}RUN x{% endcapture %}"],
    ["{% raw %}{{ not parsed }}{% endraw %}", "{% raw %}{{ not parsed }}{% endraw %}"],
    ["a{# a comment #}b", "ab"],
  ])("%s", (jinja, liquid) => {
    expect(translate(jinja)).toBe(liquid);
  });

  it("applies trim_blocks, lstrip_blocks and the - markers as BentoML's Jinja does", () => {
    expect(translate("  {% if a %}\nA\n  {% endif %}\nB")).toBe("{% if a %}A\n{% endif %}B");
    expect(translate("x  {% if a %} y{% endif %}")).toBe("x  {% if a %} y{% endif %}");
    expect(translate("A\n\n  {%- if a -%}  \n\nB{% endif %}")).toBe("A{% if a %}B{% endif %}");
    expect(translate("  {{ a }}\n")).toBe("  {{ a }}\n");
    expect(translate("  {%+ if a %}x{% endif %}")).toBe("  {% if a %}x{% endif %}");
    expect(translate("A\n  {# note #}\nB")).toBe("A\nB");
  });
});

describe("macros, calls and imports expand as Jinja renders them", () => {
  it.each([
    [
      "{% macro hi(name, greeting='hello') %}{{ greeting }} {{ name }}{% endmacro %}{{ hi('a') }}|{{ hi('b', greeting='hey') }}",
      "hello a|hey b",
    ],
    [
      "{% macro wrap(t) %}[{{ t }}:{{ caller() }}]{% endmacro %}{% call wrap('x') %}in {{ v }}{% endcall %}",
      "[x:in V]",
    ],
    [
      "{% macro m(v) %}{{ v }}{% set v = 'local' %}{{ v }}{% endmacro %}{{ m('arg') }}/{{ v }}",
      "arglocal/V",
    ],
    [
      "{% import '_macros.j2' as common %}{{ common.mount_cache('/c', ',id=x') }}",
      "--mount=type=cache,sharing=locked,target=/c,id=x",
    ],
    [
      "{% from '_macros.j2' import mount_cache as mc, RUN %}{% call RUN(true) %}{{ mc('/d') }} {% endcall %}x",
      "RUN --mount=type=cache,sharing=locked,target=/d x",
    ],
    ["{% from '_macros.j2' import RUN %}{% call RUN(false) %}ignored {% endcall %}x", "RUN x"],
    [
      "{% import '_macros.j2' as common %}{% set m = common.mount_cache('/e') %}<{{ m }}>",
      "<--mount=type=cache,sharing=locked,target=/e>",
    ],
    ["{{ [v, 'b'] | join('/') }}{% for i in ['p', 'q'] %}{{ i }}{% endfor %}", "V/bpq"],
    [
      "{{ expands_bento_path('env', 'docker') }}|{{ expands_bento_path('x', bento_path='/b') }}",
      "/home/bentoml/bento/env/docker|/b/x",
    ],
  ])("%s", async (source, expected) => {
    expect(await render(source, { v: "V", bento__path: "/home/bentoml/bento" })).toBe(expected);
  });
});

describe("the sandbox holds with macros and imports", () => {
  it("reaches no object internals, through a macro parameter either", async () => {
    const source =
      "{% macro m(x) %}[{{ x.__class__ }}{{ x.constructor }}{{ x.__proto__ }}]{% endmacro %}" +
      "{{ m(bento__path) }}{{ bento__path.constructor.name }}{{ __options__env.__class__ }}";
    expect(await render(source, { bento__path: "/p", __options__env: { A: "1" } })).toBe("[]");
  });

  it("imports nothing but _macros.j2, never a path", () => {
    for (const file of ["../../../etc/passwd", "/etc/passwd", "Dockerfile.template"])
      expect(() => translate(`{% import '${file}' as x %}`)).toThrow(/cannot import/);
  });
});

describe("unsupported Jinja names the template line", () => {
  it.each([
    ["FROM x\n\n{% macro m( %}{% endmacro %}", 3, 'unsupported macro signature "m("'],
    ["{% include 'other.j2' %}", 1, "unsupported Jinja statement {% include 'other.j2' %}"],
    [
      "{% import 'mine.j2' as m %}",
      1,
      'cannot import "mine.j2"; templates may import "_macros.j2"',
    ],
    ["{% from '_macros.j2' import nope %}", 1, '_macros.j2 has no macro "nope"'],
    [
      "a\n{% call common.RUN(true) %}{% endcall %}",
      2,
      "calling common.RUN() is not supported: no macro of that name",
    ],
    ["{{ caller() }}", 1, "caller() is only allowed in a macro called with {% call %}"],
    ["{% macro m() %}x{% endmacro %}{{ m() | trim }}", 1, "filters on m() are not supported"],
    ["{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", 1, "m() calls itself too deeply"],
    ["{% macro m(a) %}{% endmacro %}{{ m(b=1) }}", 1, 'm() has no parameter "b"'],
    ["{% macro m() %}", 1, "{% macro %} is never closed"],
    [
      "{% set b = __base_image__.replace('a', 'b') %}",
      1,
      "calling __base_image__.replace() is not supported",
    ],
    ["{{ x | tojson }}", 1, 'unsupported filter "tojson"'],
    ["{{ x | join(sep=',') }}", 1, "keyword arguments to filters are not supported"],
    ["{% if a and b or c %}{% endif %}", 1, 'mixing "and" with "or" is not supported'],
    ["{% if (a) %}{% endif %}", 1, "parentheses are not supported"],
    ["{{ a ~ b }}", 1, 'unsupported "~"'],
    ["{{ a == b }}", 1, "comparisons and logic only work in if conditions"],
    ["x\n{% block A %}\ny", 2, "{% block %} is never closed"],
    ["{% endif %}", 1, "{% endif %} without a matching {% if %}"],
    ["{% block A %}{% endblock B %}", 1, "{% endblock B %} closes {% block A %}"],
    ["{% if a %}{% else %}{% elif b %}{% endif %}", 1, "{% elif %} without a matching {% if %}"],
    ["{{ super() }}", 1, "super() is only allowed inside a block"],
    ["{% extends 'mine.j2' %}", 1, "cannot extend 'mine.j2'"],
    ["{% break %}", 1, "{% break %} outside a for loop"],
    ["ok\n{{ a", 2, '"{{" is never closed'],
    ["{% raw %}x", 1, "{% raw %} is never closed"],
    ["{% for a, b in c %}{% endfor %}", 1, "unsupported loop"],
    ["{% if a is even %}{% endif %}", 1, 'unsupported test "is even"'],
  ])("%j", (source, line, message) => {
    let error: unknown;
    try {
      translate(source);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ContainerfileError);
    expect((error as ContainerfileError).message).toContain(`${FILE}:${line}: ${message}`);
    expect((error as ContainerfileError).hint).toContain("bento_base_template");
  });
});
