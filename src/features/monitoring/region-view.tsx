import type { FC } from 'hono/jsx';
import type { MonitoringFlagRow, RegionLevel } from '../../db/schema';
import { formatDateTime } from '../../lib/time';
import { regionTitle } from '../../regions/labels';
import { EmptyState, StatusTag } from '../../views/components';
import { StageTag } from '../../admin/components';
import { STATE_TONES, stateLabel } from './labels';
import type { MonitoringRow } from './repo';
import { handoverReady } from './score';
import { ScoreHelp } from './sections';
import { CompletenessCell, DeadlineCell, FreshnessCell, ScoreCell } from './views';

export const FlagList: FC<{ flags: MonitoringFlagRow[]; now: number; resolved?: boolean }> = ({ flags, resolved }) => (
  <ul class="tasks">
    {flags.map((f) => (
      <li class={resolved ? 'info' : f.state === 'lewat' || f.state === 'lewat_lama' || f.state === 'usang' ? 'urgent' : 'warn'}>
        {resolved ? f.title : <a href={f.href}>{f.title}</a>}{' '}
        <StatusTag tone={resolved ? 'green' : (STATE_TONES[f.state] ?? 'grey')}>{resolved ? 'Selesai' : stateLabel(f.state)}</StatusTag>
        <div class="hint">
          {f.kind === 'tenggat' && f.subjectAt !== null ? `Batas waktu ${formatDateTime(f.subjectAt)} · ` : ''}
          {resolved && f.resolvedAt ? `selesai ${formatDateTime(f.resolvedAt)}` : `sejak ${formatDateTime(f.openedAt)}`}
        </div>
      </li>
    ))}
  </ul>
);

export const RegionMonitoringView: FC<{
  r: MonitoringRow;
  open: MonitoringFlagRow[];
  resolved: MonitoringFlagRow[];
  now: number;
  readinessDays: number;
  canStage: boolean;
}> = ({ r, open, resolved, now, readinessDays, canStage }) => (
  <>
    <h1>Pemantauan {regionTitle(r as { level: RegionLevel; name: string })}</h1>
    <dl class="facts">
      <dt>Tahap</dt>
      <dd>
        <StageTag stage={r.stage} />
        {handoverReady(r, readinessDays, now) ? (
          <>
            {' '}
            · siap dipindahkan ke tahap mandiri
            {canStage ? (
              <>
                {' '}
                — <a href={`/admin/wilayah/${r.code}`}>pindahkan tahap</a>
              </>
            ) : null}
          </>
        ) : null}
      </dd>
      <dt>Kesegaran</dt>
      <dd>
        <FreshnessCell r={r} now={now} />
      </dd>
      <dt>Kelengkapan</dt>
      <dd>
        <CompletenessCell r={r} />
      </dd>
      <dt>Batas waktu</dt>
      <dd>
        <DeadlineCell r={r} />
      </dd>
      <dt>Skor</dt>
      <dd>
        <ScoreCell r={r} />
      </dd>
    </dl>
    <h2>Perlu tindakan ({open.length})</h2>
    {open.length === 0 ? (
      <EmptyState>
        <p>Tidak ada tanda terbuka.</p>
      </EmptyState>
    ) : (
      <FlagList flags={open} now={now} />
    )}
    {resolved.length ? (
      <>
        <h2>Baru diselesaikan</h2>
        <FlagList flags={resolved} now={now} resolved />
      </>
    ) : null}
    <ScoreHelp />
  </>
);
