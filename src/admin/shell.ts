import type { AttentionProvider } from './attention';
import type { AdminNavItem } from './nav';

/**
 * What the admin shell shows around every admin page: the menu and the "Perlu tindakan" providers. The app builds it
 * once from the feature registry (src/features.ts) and puts it on every /admin request (`c.get('adminShell')`).
 */
export interface AdminShell {
  /** Menu entries, sorted by `order`. */
  nav: AdminNavItem[];
  attention: AttentionProvider[];
}
