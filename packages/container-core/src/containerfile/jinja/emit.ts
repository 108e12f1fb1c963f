import type { Expr } from "./expression.js";

/** Turns a value (a filtered one into a temporary variable, since liquid tags cannot filter). */
export type Hoist = (liquidValue: string) => string;

/** Liquid text of an expression used as a value (`{{ }}`, `assign`, loop collection). */
export function emitValue(expr: Expr, fail: (message: string) => never): string {
  if (expr.type === "value") return expr.liquid;
  if (expr.type === "super") return fail("super() can only be printed alone, as {{ super() }}");
  return fail("comparisons and logic only work in if conditions; printed values cannot use them");
}

/** Liquid text of an `if` condition; filtered operands are hoisted into variables. */
export function emitCondition(expr: Expr, hoist: Hoist, fail: (message: string) => never): string {
  const operand = (e: Expr) => {
    const value = emitValue(e, fail);
    return e.type === "value" && e.filtered ? hoist(value) : value;
  };
  switch (expr.type) {
    case "logic": {
      if (expr.items.some((item) => item.type === "logic"))
        fail('mixing "and" with "or" is not supported; split the condition into nested ifs');
      return expr.items.map((item) => emitCondition(item, hoist, fail)).join(` ${expr.op} `);
    }
    case "not":
      if (expr.operand.type === "logic" || expr.operand.type === "not")
        fail('"not" before "and"/"or" or another "not" is not supported');
      return `not ${emitCondition(expr.operand, hoist, fail)}`;
    case "compare":
      return `${operand(expr.left)} ${expr.op} ${operand(expr.right)}`;
    case "contains":
      return `${expr.negate ? "not " : ""}${operand(expr.haystack)} contains ${operand(expr.needle)}`;
    case "nil":
      return `${operand(expr.operand)} ${expr.isNil ? "==" : "!="} nil`;
    default:
      return operand(expr);
  }
}
