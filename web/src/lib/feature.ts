import type { Permission } from '@shared/domain/permissions';
import type { RouteObject } from 'react-router-dom';
import type { Messages } from './define-messages';
import type { MessageKey } from './messages';

/** A feature's entry in the side menu. */
export interface FeatureMenuItem {
  /** The route path it opens. */
  key: string;
  label: MessageKey;
  /** Needed to see the entry; none means every signed-in user. */
  permission?: Permission;
  /** The menu group it sits in (app/menu.ts lists the groups); none: top level. */
  group?: string;
  /** Position among its siblings (ascending). */
  order: number;
}

/**
 * What a feature tells the app shell: its pages (inside the signed-in layout) and its menu entries. Each
 * feature exports one from its `routes.tsx`; `features/index.ts` lists them once, and the router and the
 * menu are derived from that list, so a new feature is one folder and one line.
 */
export interface Feature {
  name: string;
  routes: RouteObject[];
  menu?: FeatureMenuItem[];
  /** The feature's own strings (defineMessages); the features test checks both languages. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each feature has its own key type
  messages?: Messages<any>;
}
