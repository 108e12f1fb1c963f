import { join } from "node:path";
import ts from "typescript";

/** The package's entries, as its `exports` map names them, and their sources. */
export const ENTRIES = { ".": "src/index.ts", "./internal": "src/internal.ts" } as const;

/**
 * The API report: for each entry, every export's name and signature (functions'
 * call signatures, constants' types, classes' heritage and constructor, types'
 * declarations without comments), sorted by name.
 */
export function apiReport(root: string): string {
  const files = Object.values(ENTRIES).map((file) => join(root, file));
  const program = ts.createProgram(files, {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ["node"],
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const sections = Object.entries(ENTRIES).map(([entry, file]) => {
    const source = program.getSourceFile(join(root, file))!;
    const module = checker.getSymbolAtLocation(source)!;
    const lines = checker
      .getExportsOfModule(module)
      .map((symbol) => describeExport(checker, symbol))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((item) => item.text);
    const name = `@bento/container-core${entry === "." ? "" : entry.slice(1)}`;
    return `## ${name}\n\n\`\`\`ts\n${lines.join("\n")}\n\`\`\`\n`;
  });
  return `# API report of @bento/container-core\n\nChecked by \`test/api/api-report.test.ts\`; after a deliberate change, run\n\`UPDATE_API_REPORT=1 pnpm --filter @bento/container-core exec vitest run test/api\`.\n\n${sections.join("\n")}`;
}

/** Export names of the main entry, read from an API report. */
export function publicNames(report: string): string[] {
  return [...report.split("## @bento/container-core/internal")[0]!.matchAll(EXPORT_NAME)]
    .map((match) => match[1]!)
    .filter((name, index, all) => all.indexOf(name) === index);
}

const EXPORT_NAME = /^(?:function|const|class|interface|type|enum) ([A-Za-z_$][\w$]*)/gm;
const printer = ts.createPrinter({ removeComments: true });
const FLAGS =
  ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope;

function describeExport(
  checker: ts.TypeChecker,
  exported: ts.Symbol,
): { name: string; text: string } {
  const symbol =
    exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const name = exported.name;
  const declaration = symbol.declarations?.[0];
  if (declaration === undefined) return { name, text: `unknown ${name}` };
  if (ts.isFunctionDeclaration(declaration)) {
    const type = checker.getTypeOfSymbol(symbol);
    const signatures = type
      .getCallSignatures()
      .map(
        (signature) => `function ${name}${checker.signatureToString(signature, undefined, FLAGS)};`,
      );
    return { name, text: signatures.join("\n") };
  }
  if (ts.isClassDeclaration(declaration)) {
    const heritage = declaration.heritageClauses?.map((clause) => clause.getText()).join(" ");
    const type = checker.getTypeOfSymbol(symbol);
    const constructors = type
      .getConstructSignatures()
      .map(
        (signature) =>
          `  constructor${checker.signatureToString(signature, undefined, FLAGS).replace(/: \w+$/, "")};`,
      );
    return {
      name,
      text: `class ${name}${heritage ? ` ${heritage}` : ""} {\n${constructors.join("\n")}\n}`,
    };
  }
  if (ts.isVariableDeclaration(declaration)) {
    const type = checker.getTypeOfSymbol(symbol);
    const text = checker.typeToString(type, undefined, FLAGS);
    // A large table (an option table) is reported by its keys.
    const keys = type.getProperties().map((property) => property.name);
    const shown = text.length > 200 && keys.length > 0 ? `{ ${keys.join("; ")} }` : text;
    return { name, text: `const ${name}: ${shown};` };
  }
  const printed = printer
    .printNode(ts.EmitHint.Unspecified, declaration, declaration.getSourceFile())
    .replace(/^export (declare )?/, "");
  return { name, text: printed };
}
