import type { Issue, Location, ParamValue, Rule } from '@lienthong/report';

/** Where each logical path (`MessageHeader/To[1]/OrganId`) is in the source text. */
export type LocationIndex = ReadonlyMap<string, Location>;

/**
 * Collects the findings of reading and validating one message, each located at its logical path and,
 * when the message was read from text, at the line and column of that path (or of its nearest ancestor).
 */
export class Findings {
  readonly issues: Issue[] = [];

  constructor(protected readonly locations: Map<string, Location> = new Map()) {}

  /** Remembers where a logical path is in the source. */
  locate(path: string, position: { readonly line: number; readonly column: number }): void {
    if (!this.locations.has(path)) this.locations.set(path, { path, line: position.line, column: position.column });
  }

  get locationIndex(): LocationIndex {
    return this.locations;
  }

  locationOf(path: string): Location {
    let current = path;
    for (;;) {
      const found = this.locations.get(current);
      if (found) return found.path === path ? found : { ...found, path };
      const cut = current.lastIndexOf('/');
      if (cut < 0) return { path };
      current = current.slice(0, cut);
    }
  }

  report<P extends Readonly<Record<string, ParamValue>>>(rule: Rule<P>, params: P, path: string): void {
    this.issues.push(rule.issue(params, this.locationOf(path)));
  }
}
