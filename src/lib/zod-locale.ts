import { z } from 'zod';

/**
 * Zod's own default messages (those no schema overrides, e.g. a missing field) in Bahasa Indonesia, so no English
 * text ever reaches a citizen. Imported once by the app entry.
 */
z.config(z.locales.id());
