import type { FC } from 'hono/jsx';
import { formatDate, formatDateTime } from '../../lib/time';
import { StatusTag, type TagTone } from '../../views/components';
import { STAGE_LABELS } from './labels';
import { timeline, type StageWindow, type TimelineState } from './schedule';

const STATE_TONES: Record<TimelineState, TagTone> = { selesai: 'green', berjalan: 'blue', 'akan datang': 'grey' };
const STATE_WORDS: Record<TimelineState, string> = { selesai: 'Selesai', berjalan: 'Sedang berjalan', 'akan datang': 'Akan datang' };

/**
 * The schedule as a timeline, oldest first (as citizens read it), with today marked: a "Hari ini" entry after the
 * last stage that has started, and the stage under way marked as the current step.
 */
export const TenderTimeline: FC<{ schedule: readonly StageWindow[]; now: number }> = ({ schedule, now }) => {
  const steps = timeline(schedule, now);
  const started = steps.filter((s) => s.s <= now).length;
  const today = (
    <li class="today" id="hari-ini">
      <strong>Hari ini</strong>, {formatDate(now)}
    </li>
  );
  return (
    <ol class="timeline tender-timeline">
      {started === 0 ? today : null}
      {steps.map((step, i) => (
        <>
          <li class={`stage stage-${step.state.replace(' ', '-')}`} aria-current={step.state === 'berjalan' ? 'step' : undefined}>
            <strong>{STAGE_LABELS[step.stage]}</strong> <StatusTag tone={STATE_TONES[step.state]}>{STATE_WORDS[step.state]}</StatusTag>
            <br />
            <span class="meta">
              {formatDateTime(step.s)} – {formatDateTime(step.e)}
            </span>
          </li>
          {i === started - 1 ? today : null}
        </>
      ))}
    </ol>
  );
};
