import { constants } from "node:os";

/** Exit codes of the `bento` command, one per failure kind. */
export const EXIT = {
  ok: 0,
  buildFailed: 1,
  usage: 2,
  noBackend: 3,
  interrupted: 130,
} as const;

/** Options every bento-container error accepts. */
export interface BentoErrorOptions {
  /** What the user can do about it. */
  hint?: string;
  cause?: unknown;
}

// Marks bento-container errors on their prototype, under a registry-wide symbol,
// so one copy of core recognizes errors thrown by another (a plugin's own copy).
const BRAND = Symbol.for("bento-container.error");

/**
 * Base of every error the project throws: a stable `code`, a message that says
 * what went wrong and why, and a `hint` that says what to do. `instanceof
 * BentoError` and {@link isBentoError} also match errors of another copy of core.
 */
export class BentoError extends Error {
  override name = "BentoError";
  readonly code: string = "E_BENTO";
  readonly exitCode: number = EXIT.usage;
  readonly hint?: string;

  constructor(message: string, options: BentoErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
  }
}

Object.defineProperty(BentoError.prototype, BRAND, { value: true });
// `instanceof`: subclasses match by prototype; `BentoError` itself also by brand,
// so it holds for errors of another copy of core.
Object.defineProperty(BentoError, Symbol.hasInstance, {
  value(this: abstract new (...args: never[]) => unknown, value: unknown): boolean {
    const own = Object.prototype.isPrototypeOf.call(this.prototype, value as object);
    return own || (this === BentoError && hasBrand(value));
  },
});

function hasBrand(value: unknown): boolean {
  return typeof value === "object" && value !== null && BRAND in value;
}

/** A bento or image tag that does not follow the tag rules. */
export class InvalidTagError extends BentoError {
  override name = "InvalidTagError";
  override readonly code = "E_TAG";
}

/** A bento reference that matches no store entry, directory or archive. */
export class BentoNotFoundError extends BentoError {
  override name = "BentoNotFoundError";
  override readonly code = "E_BENTO_NOT_FOUND";
}

/** A model the bento needs that is in neither the bento, the model store nor the hub cache. */
export class ModelNotFoundError extends BentoError {
  override name = "ModelNotFoundError";
  override readonly code = "E_MODEL_NOT_FOUND";
}

/** A Hugging Face model the hub refused to serve without (other) credentials: 401 or 403. */
export class ModelAccessError extends BentoError {
  override name = "ModelAccessError";
  override readonly code = "E_MODEL_ACCESS";
}

/** A Hugging Face model download that failed: hub unreachable, a server error, a checksum mismatch. */
export class ModelDownloadError extends BentoError {
  override name = "ModelDownloadError";
  override readonly code = "E_MODEL_DOWNLOAD";
  override readonly exitCode: number = EXIT.buildFailed;
  /** True when the hub could not be reached at all (so a cached revision may stand in). */
  readonly unreachable: boolean;

  constructor(message: string, options: BentoErrorOptions & { unreachable?: boolean } = {}) {
    super(message, options);
    this.unreachable = options.unreachable ?? false;
  }
}

/** `bento.yaml` that cannot be read, parsed or validated. */
export class BentoYamlError extends BentoError {
  override name = "BentoYamlError";
  override readonly code = "E_BENTO_YAML";
}

/** A path (archive entry, setup script, template, build_include) that leaves where it must stay. */
export class UnsafePathError extends BentoError {
  override name = "UnsafePathError";
  override readonly code = "E_UNSAFE_PATH";
}

/** An archive that cannot be unpacked. */
export class ArchiveError extends BentoError {
  override name = "ArchiveError";
  override readonly code = "E_ARCHIVE";
}

/** A Containerfile that cannot be generated from the bento's settings or template. */
export class ContainerfileError extends BentoError {
  override name = "ContainerfileError";
  override readonly code = "E_CONTAINERFILE";
}

/** A name given to `getBackend` or `build` that no registered backend has. */
export class UnknownBackendError extends BentoError {
  override name = "UnknownBackendError";
  override readonly code = "E_UNKNOWN_BACKEND";
}

/** `registerBackend` called with a name that is taken. */
export class BackendExistsError extends BentoError {
  override name = "BackendExistsError";
  override readonly code = "E_BACKEND_EXISTS";
}

/** Which backend option an {@link OptionError} is about. */
export interface OptionErrorDetail {
  /** The option's key, as given. */
  key: string;
  /** `unknown`: no table has the key; `type`: the value has the wrong kind. */
  problem: "unknown" | "type";
  /** The backend whose table was checked; `undefined` for `auto` (every registered one). */
  backend?: string;
  /** The closest known key, for an unknown one that looks like a typo. */
  suggestion?: string;
}

/**
 * A backend option that is unknown, ill-typed or ill-formed. `option` says which
 * and why, so a caller that names options its own way (the CLI's `--opt`) can say so.
 */
export class OptionError extends BentoError {
  override name = "OptionError";
  override readonly code = "E_OPTION";
  readonly option?: OptionErrorDetail;

  constructor(message: string, options: BentoErrorOptions & { option?: OptionErrorDetail } = {}) {
    super(message, options);
    this.option = options.option;
  }
}

/** A request the chosen backend cannot serve (secrets, platforms, push, ...). */
export class CapabilityError extends BentoError {
  override name = "CapabilityError";
  override readonly code = "E_CAPABILITY";
}

/** The chosen backend, or every backend for `auto`, is not usable on this machine. */
export class BackendUnavailableError extends BentoError {
  override name = "BackendUnavailableError";
  override readonly code = "E_BACKEND_UNAVAILABLE";
  override readonly exitCode: number = EXIT.noBackend;
}

/** Options of a failed command. */
export interface CommandFailedOptions extends BentoErrorOptions {
  argv: readonly string[];
  /** The engine command's own exit code (not bento's). */
  engineExitCode?: number;
  /** The signal that killed the engine command. */
  signal?: string;
  /** The command's last output lines, stdout and stderr interleaved as they came. */
  outputTail?: string;
}

/**
 * A backend command that exited non-zero or was killed. `exitCode` is the exit
 * code bento's CLI ends with (4); the engine's own is `engineExitCode`.
 */
export class CommandFailedError extends BentoError {
  override name = "CommandFailedError";
  override readonly code = "E_COMMAND_FAILED";
  override readonly exitCode: number = EXIT.buildFailed;
  readonly argv: readonly string[];
  /** The engine command's own exit code; `undefined` when a signal killed it. */
  readonly engineExitCode?: number;
  /** The signal that killed the engine command. */
  readonly signal?: string;
  /** The command's last output lines, stdout and stderr interleaved. */
  readonly outputTail: string;

  constructor(message: string, options: CommandFailedOptions) {
    super(message, options);
    this.argv = options.argv;
    this.engineExitCode = options.engineExitCode;
    this.signal = options.signal;
    this.outputTail = options.outputTail ?? "";
  }
}

/** A build stopped by an AbortSignal or Ctrl+C. */
export class AbortedError extends BentoError {
  override name = "AbortedError";
  override readonly code = "E_ABORTED";
  /** 128 plus the number of the signal that stopped the build (130, SIGINT's, by default). */
  override readonly exitCode: number;

  constructor(message: string, options: BentoErrorOptions & { signal?: string } = {}) {
    super(message, options);
    const number = options.signal ? constants.signals[options.signal as NodeJS.Signals] : undefined;
    this.exitCode = number === undefined ? EXIT.interrupted : 128 + number;
  }
}

/**
 * Narrows an unknown thrown value to a {@link BentoError}, whichever copy of core
 * threw it; tell the kinds apart by `code` (`"E_UNKNOWN_BACKEND"`, ...).
 */
export function isBentoError(error: unknown): error is BentoError {
  return hasBrand(error);
}
