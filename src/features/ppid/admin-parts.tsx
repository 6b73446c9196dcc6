import type { Child, FC } from 'hono/jsx';
import type { DeadlineState } from '../../lib/working-days';
import { StatusTag } from '../../views/components';

// Small pieces shared by the request page (admin-views) and its action forms (admin-actions).

const DEADLINE_TAGS: Record<DeadlineState, { tone: 'green' | 'yellow' | 'red'; label: string }> = {
  aman: { tone: 'green', label: 'Masih dalam waktu' },
  mendekati: { tone: 'yellow', label: 'Mendekati batas waktu' },
  lewat: { tone: 'red', label: 'Lewat batas waktu' },
};

export const DeadlineTag: FC<{ state: DeadlineState }> = ({ state }) => <StatusTag tone={DEADLINE_TAGS[state].tone}>{DEADLINE_TAGS[state].label}</StatusTag>;

export const Fact: FC<{ label: string; children?: Child }> = ({ label, children }) => (
  <>
    <dt>{label}</dt>
    <dd>{children}</dd>
  </>
);
