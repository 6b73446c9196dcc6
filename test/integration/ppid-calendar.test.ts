import { describe, expect, it } from 'vitest';
import { loadHolidayCalendar } from '../../src/lib/holiday-calendar';
import { createDb } from '../../src/db/client';
import { addWorkingDays } from '../../src/lib/working-days';
import { witaDateKey } from '../../src/lib/time';
import { env } from 'cloudflare:test';
import { loginAs } from '../helpers/auth';
import { requestRow, submitRequest } from '../helpers/ppid';

describe('PPID due dates follow the editable holiday calendar', () => {
  it('a holiday declared after registration moves the 10-working-day due date; removing it moves it back', async () => {
    const admin = await loginAs([['diskominfo', '64.08']]);
    const { number } = await submitRequest('/sangatta-utara');
    const before = Number((await requestRow(number))!.due_at);
    const cal = await loadHolidayCalendar(createDb(env.DB));
    const nextWorking = witaDateKey(addWorkingDays(Date.now(), 2, cal));

    expect((await admin.post('/admin/kalender', { date: nextWorking, kind: 'libur_daerah', name: 'Libur daerah (uji PPID)' })).status).toBe(303);
    const after = await requestRow(number);
    expect(Number(after!.due_at)).toBe(addWorkingDays(before, 1, await loadHolidayCalendar(createDb(env.DB))));
    expect(Number(after!.original_due_at)).toBe(Number(after!.due_at));

    expect((await admin.post(`/admin/kalender/${nextWorking}/hapus`, { yakin: '1' })).status).toBe(303);
    expect(Number((await requestRow(number))!.due_at)).toBe(before);
  });
});
