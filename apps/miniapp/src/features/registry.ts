/**
 * The services shown on the home page. Only services that exist are listed: a service adds its entry here
 * together with its subpackage in app.config.ts, so the home page never shows a tile that leads nowhere.
 */
export interface ServiceEntry {
  key: string;
  /** Chinese name on the tile, e.g. 证件照回执. */
  title: string;
  /** One short line under the title. */
  description: string;
  /** Tile picture: an imported PNG from `src/assets/services/` (small: it ships in the main package). */
  icon: string;
  /** First page of the service's subpackage, e.g. `/id-photo/pages/index/index`. */
  path: string;
}

export const SERVICES: readonly ServiceEntry[] = [];
