/**
 * Looking up the site's units by id (from the site's published facts, domain/api/site-facts.ts): the full name for
 * replies and the console, the short name for tables. An unknown id reads as itself, so nothing is hidden.
 *
 */
import type { UnitInfo } from './api/staff.ts';

export interface UnitDirectory {
  readonly ids: ReadonlySet<string>;
  /** 示例市水务局 for `water`; the id itself when unknown. */
  name(id: string): string;
  /** 水务局 for `water`; the id itself when unknown. */
  shortName(id: string): string;
  /** The name, or undefined when the unit is not known. */
  find(id: string): string | undefined;
}

export function unitDirectory(units: readonly UnitInfo[]): UnitDirectory {
  const byId = new Map(units.map((u) => [u.id, u]));
  return {
    ids: new Set(byId.keys()),
    name: (id) => byId.get(id)?.name ?? id,
    shortName: (id) => byId.get(id)?.shortName ?? id,
    find: (id) => byId.get(id)?.name,
  };
}
