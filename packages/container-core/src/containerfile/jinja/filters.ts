/** A Jinja filter's liquid counterpart and how many arguments it takes. */
interface FilterMapping {
  liquid: string;
  maxArgs: number;
  /** Arguments to use when Jinja gives none (Jinja joins with "", liquid with " "). */
  defaultArgs?: string[];
}

/** The Jinja filters templates may use, mapped to liquid's (plus our bash_quote). */
export const FILTERS: Readonly<Record<string, FilterMapping>> = {
  bash_quote: { liquid: "bash_quote", maxArgs: 0 },
  join: { liquid: "join", maxArgs: 1, defaultArgs: ['""'] },
  default: { liquid: "default", maxArgs: 2 },
  d: { liquid: "default", maxArgs: 2 },
  upper: { liquid: "upcase", maxArgs: 0 },
  lower: { liquid: "downcase", maxArgs: 0 },
  capitalize: { liquid: "capitalize", maxArgs: 0 },
  replace: { liquid: "replace", maxArgs: 2 },
  trim: { liquid: "strip", maxArgs: 0 },
  length: { liquid: "size", maxArgs: 0 },
  count: { liquid: "size", maxArgs: 0 },
  first: { liquid: "first", maxArgs: 0 },
  last: { liquid: "last", maxArgs: 0 },
  sort: { liquid: "sort", maxArgs: 0 },
  unique: { liquid: "uniq", maxArgs: 0 },
  reverse: { liquid: "reverse", maxArgs: 0 },
};

/** Liquid text applying filter `name` with the (already liquid) `args`; undefined when unknown. */
export function liquidFilter(name: string, args: readonly string[]): string | undefined {
  const mapping = FILTERS[name];
  if (mapping === undefined || args.length > mapping.maxArgs) return undefined;
  // default(value, true) also replaces empty strings; liquid's default always does, so drop it.
  const used =
    mapping.liquid === "default"
      ? args.slice(0, 1)
      : args.length > 0
        ? args
        : (mapping.defaultArgs ?? []);
  return used.length === 0 ? mapping.liquid : `${mapping.liquid}: ${used.join(", ")}`;
}
