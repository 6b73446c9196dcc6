import type { FC } from 'hono/jsx';

/** SP4N-LAPOR references of a report, as rows of a definition list (handler and reporter pages). */
export const ExternalRefRows: FC<{ refs: Array<{ externalId: string; externalStatus: string | null }> }> = ({ refs }) => (
  <>
    {refs.map((x) => (
      <>
        <dt>SP4N-LAPOR</dt>
        <dd>
          {x.externalId}
          {x.externalStatus ? ` (${x.externalStatus})` : ''}
        </dd>
      </>
    ))}
  </>
);
