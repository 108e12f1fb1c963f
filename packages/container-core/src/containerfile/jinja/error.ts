import { ContainerfileError } from "../../errors.js";

/** A Jinja template construct we cannot translate, naming the template line. */
export function jinjaError(file: string, line: number, message: string): ContainerfileError {
  return new ContainerfileError(`${file}:${line}: ${message}`, {
    hint:
      "Dockerfile templates may use extends bento_base_template, block/endblock with super(), " +
      "{{ variables }} with filters, if/elif/else, for, set, raw, macro/call/caller() and " +
      "import or from-import of '_macros.j2'; rewrite that line with those.",
  });
}
