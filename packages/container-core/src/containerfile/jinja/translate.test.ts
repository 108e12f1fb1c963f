import { describe, expect, it } from "vitest";
import { ContainerfileError } from "../../errors.js";
import { translateJinja } from "./translate.js";

const FILE = "env/docker/Dockerfile.template";
const translate = (source: string) => translateJinja(source, FILE, "python_debian");

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

describe("unsupported Jinja names the template line", () => {
  it.each([
    ["FROM x\n\n{% macro m() %}{% endmacro %}", 3, "unsupported Jinja statement {% macro m() %}"],
    ["{% include 'other.j2' %}", 1, "unsupported Jinja statement {% include 'other.j2' %}"],
    ["{% import '_macros.j2' as common %}", 1, "unsupported Jinja statement"],
    ["a\n{% call common.RUN(true) %}{% endcall %}", 2, "unsupported Jinja statement {% call"],
    ['\n{{ expands_bento_path("env") }}', 2, "calling expands_bento_path() is not supported"],
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
    ["{{ [1, 2] }}", 1, "list literals are not supported"],
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
