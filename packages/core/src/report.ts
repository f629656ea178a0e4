import { type TenureError, tenureError } from './errors.ts';

/**
 * Collect every problem, then stop once (Cube's ErrorReporter.inContext / throwIfAny).
 * A reporter is passed explicitly, never global, so nested validators add context without coupling.
 */
export class ErrorReport {
  private readonly problems: string[];
  constructor(
    private readonly context: string[] = [],
    shared?: string[],
  ) {
    this.problems = shared ?? [];
  }

  inContext(name: string): ErrorReport {
    return new ErrorReport([...this.context, name], this.problems);
  }

  error(message: string): void {
    this.problems.push(this.context.length ? `${this.context.join(' › ')}: ${message}` : message);
  }

  get list(): readonly string[] {
    return this.problems;
  }

  /** Throw one TEN_CONFIG_INVALID-style error naming every problem, if any were reported. */
  throwIfAny(
    make: (problems: string[]) => TenureError = (p) =>
      tenureError('TEN_CONFIG_INVALID', { file: 'input', problems: p }),
  ): void {
    if (this.problems.length) throw make([...this.problems]);
  }
}
