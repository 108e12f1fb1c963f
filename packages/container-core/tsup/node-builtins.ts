// An esbuild plugin for tsup: a CommonJS dependency bundled into core's ES modules
// calls `require("process")`, which an ES module cannot do (evanw/esbuild#1921).
// Each such call gets Node's own module through `process.getBuiltinModule`
// (https://nodejs.org/api/process.html#processgetbuiltinmoduleid, Node 20.16+),
// which needs no `require` and so also works in a downstream user's bundle.
import { isBuiltin } from "node:module";
import type { Options } from "tsup";

type Plugin = NonNullable<Options["esbuildPlugins"]>[number];

const NAMESPACE = "node-builtin";

/** Serves `require()` of a Node builtin from bundled CommonJS code. */
export const nodeBuiltins: Plugin = {
  name: "node-builtins",
  setup(build) {
    build.onResolve({ filter: /^[a-z:_/]+$/ }, (args) =>
      args.kind === "require-call" && isBuiltin(args.path)
        ? { path: args.path, namespace: NAMESPACE }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
      contents: `module.exports = process.getBuiltinModule(${JSON.stringify(args.path)});\n`,
      loader: "js",
    }));
  },
};
