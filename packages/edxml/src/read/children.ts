import type { Findings } from '../findings';
import { EDXML_NAMESPACE } from '../model/namespaces';
import {
  duplicateElement,
  elementOrder,
  nestedMarkupInValue,
  unexpectedText,
  unknownElement,
} from '../rules/structure';
import { namespaceOf, type ReadableElement } from './element';

const ranks = new WeakMap<ContainerSpec, ReadonlyMap<string, number>>();

/** The position of each allowed child in the SDK order (children of a group share one), computed once per spec. */
function rankOf(spec: ContainerSpec): ReadonlyMap<string, number> {
  let rank = ranks.get(spec);
  if (rank === undefined) {
    rank = new Map(
      spec.order.flatMap((entry, index) =>
        typeof entry === 'string' ? [[entry, index] as const] : entry.map((name) => [name, index] as const),
      ),
    );
    ranks.set(spec, rank);
  }
  return rank;
}

/** One element found at a logical path. */
export interface Located {
  readonly element: ReadableElement;
  readonly path: string;
}

export interface ContainerSpec {
  /**
   * The children QCVN 102 allows here, in the order real SDKs write them. A nested list holds children whose
   * order differs between SDKs (e.g. OrganName and OrganizationInCharge): any order among them is accepted.
   */
  readonly order: readonly (string | readonly string[])[];
  /** Children that may repeat; their paths get a 1-based index (`To[2]`). */
  readonly repeatable?: ReadonlySet<string>;
  /** Children of another namespace this container accepts (e.g. an XMLDSig Signature). */
  readonly acceptForeign?: (element: ReadableElement) => boolean;
}

/** The children of one container, grouped by local name, with unknown, repeated and misordered ones reported. */
export class Children {
  private readonly groups = new Map<string, Located[]>();
  readonly foreign: Located[] = [];

  constructor(
    private readonly ctx: Findings,
    readonly parent: ReadableElement,
    readonly path: string,
    spec: ContainerSpec,
  ) {
    const rank = rankOf(spec);

    const repeatable = spec.repeatable ?? new Set<string>();
    let highest = -1;
    let highestName = '';
    let orderReported = false;
    if (parent.text.trim() !== '') {
      ctx.report(unexpectedText, { element: parent.localName, text: abbreviate(parent.text.trim()) }, path);
    }
    for (const child of parent.children) {
      if (namespaceOf(child) !== EDXML_NAMESPACE) {
        if (spec.acceptForeign?.(child)) {
          const childPath = `${path}/${child.localName}`;
          ctx.locate(childPath, child);
          this.foreign.push({ element: child, path: childPath });
        } else {
          ctx.locate(`${path}/${child.name}`, child);
          ctx.report(
            unknownElement,
            { element: child.name, namespace: namespaceOf(child) ?? '(none)', parent: parent.localName },
            `${path}/${child.name}`,
          );
        }
        continue;
      }
      const position = rank.get(child.localName);
      if (position === undefined) {
        const childPath = `${path}/${child.localName}`;
        ctx.locate(childPath, child);
        ctx.report(
          unknownElement,
          { element: child.localName, namespace: EDXML_NAMESPACE, parent: parent.localName },
          childPath,
        );
        continue;
      }
      const group = this.groups.get(child.localName) ?? [];
      if (group.length === 0) this.groups.set(child.localName, group);
      const childPath = repeatable.has(child.localName)
        ? `${path}/${child.localName}[${group.length + 1}]`
        : `${path}/${child.localName}`;
      if (!repeatable.has(child.localName) && group.length > 0) {
        // Reported once all children are grouped, with the count.
        group.push({ element: child, path: childPath });
        continue;
      }
      ctx.locate(childPath, child);
      group.push({ element: child, path: childPath });
      if (position < highest && !orderReported) {
        orderReported = true;
        ctx.report(
          elementOrder,
          { parent: parent.localName, element: child.localName, previous: highestName },
          childPath,
        );
      }
      if (position > highest) {
        highest = position;
        highestName = child.localName;
      }
    }
    for (const [name, group] of this.groups) {
      if (!repeatable.has(name) && group.length > 1) {
        const second = group[1] as Located;
        ctx.locate(`${path}/${name}[2]`, second.element);
        ctx.report(
          duplicateElement,
          { element: name, parent: parent.localName, count: group.length },
          `${path}/${name}[2]`,
        );
        group.length = 1;
      }
    }
  }

  one(name: string): Located | undefined {
    return this.groups.get(name)?.[0];
  }

  all(name: string): readonly Located[] {
    return this.groups.get(name) ?? [];
  }

  /** The text of a leaf child, or undefined when absent. */
  text(name: string): string | undefined {
    const found = this.one(name);
    return found === undefined ? undefined : readLeafText(this.ctx, found);
  }

  /** The texts of a repeatable leaf child. */
  texts(name: string): string[] {
    return this.all(name).map((found) => readLeafText(this.ctx, found));
  }
}

/** The text of an element that must hold only text; a child element is an error. */
export function readLeafText(ctx: Findings, { element, path }: Located): string {
  const child = element.children[0];
  if (child !== undefined) {
    ctx.report(nestedMarkupInValue, { element: element.localName, child: child.name }, path);
  }
  return element.text;
}

function abbreviate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
