// Going live on a phone: Diskominfo imports an old village site's feed (upload → preview → start), the page fetches
// the next chunks by itself (htmx) until the import is finished, the report links the new posts, a citizen reads an
// imported post with its original date and author, an old link of the site reaches it, and the status page shows the
// jobs. axe passes on the import pages and the status page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { e2eEnabled, expectNoA11yViolations, launchBrowser, phoneContext, url, type PhoneContext } from './helpers/browser';

const PASSWORD = 'Demo-Kutim-2026';
const VILLAGE = '/sangatta-utara/swarga-bara';
const POSTS = 23; // more than two chunks of 10
const RUN = Date.now().toString(36);

function feed(): string {
  const items = Array.from(
    { length: POSTS },
    (_, i) => `<item><title>Kabar lama ${RUN} nomor ${i + 1}</title>
<link>https://kabarswargabara.blogspot.com/2019/0${1 + (i % 9)}/kabar-lama-${RUN}-${i + 1}.html</link>
<guid isPermaLink="false">tag:blogger.com,1999:blog-${RUN}.post-${i + 1}</guid>
<pubDate>${new Date(Date.UTC(2019, i % 9, 1 + i, 2)).toUTCString()}</pubDate>
<author>noreply@blogger.com (Pak Sekdes Lama)</author>
<description>&lt;p&gt;Isi kabar nomor ${i + 1} dari &lt;b&gt;situs lama&lt;/b&gt;.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Kabar Swarga Bara</title>
<link>https://kabarswargabara.blogspot.com/</link>${items.join('\n')}</channel></rss>`;
}

async function login(page: Page, username: string): Promise<void> {
  await page.goto(url('/masuk'), { waitUntil: 'domcontentloaded' }); // the form is in the HTML: do not wait for every asset
  await page.getByLabel('Nama pengguna atau email', { exact: true }).fill(username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(url('/admin'));
}

describe.skipIf(!e2eEnabled())('old village site: import on a phone, then its links', () => {
  let browser: Browser;
  const contexts: PhoneContext[] = [];

  async function phone(): Promise<PhoneContext> {
    const ctx = await phoneContext(browser);
    contexts.push(ctx);
    return ctx;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const ctx of contexts) await ctx.close().catch(() => undefined);
    await browser?.close();
  });

  test('Diskominfo uploads a feed, checks the preview, and the import runs to the end by itself', async () => {
    const page = await (await phone()).newPage();
    await login(page, 'diskominfo');
    await page.goto(url('/admin/impor'));
    await expectNoA11yViolations(page);
    await page.getByLabel('Wilayah tujuan').selectOption('64.08.04.2012');
    await page.getByLabel('RSS/Atom (Blogspot dan lainnya)').check();
    await page.evaluate((text) => {
      const input = document.querySelector('#imp-file') as HTMLInputElement;
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'feed.xml', { type: 'application/rss+xml' }));
      input.files = dt.files;
    }, feed());
    await page.getByLabel(/Terbitkan langsung/).check();
    await page.getByRole('button', { name: 'Baca berkas dan tampilkan pratinjau' }).click();
    await page.waitForURL(/\/admin\/impor\/[0-9A-Z]{26}$/);
    await expect.poll(() => page.getByText(`Berita: ${POSTS}`).count()).toBe(1);
    await expectNoA11yViolations(page);

    await page.getByRole('button', { name: `Mulai impor ${POSTS} item` }).click();
    // One chunk ran with the start; htmx asks for the rest without a click.
    await page.locator('#kemajuan').getByText(`${POSTS} dari ${POSTS} item (100%)`).waitFor({ timeout: 60_000 });
    await page.reload();
    await expect
      .poll(() =>
        page
          .getByRole('table')
          .getByRole('link', { name: `Kabar lama ${RUN} nomor ${POSTS}` })
          .count(),
      )
      .toBe(1);
    await expectNoA11yViolations(page);
  }, 180_000);

  test('a citizen reads an imported post with its date and author, also through its old link', async () => {
    const page = await (await phone()).newPage();
    await page.goto(url(`${VILLAGE}/situs-lama/2019/03/kabar-lama-${RUN}-3.html`));
    expect(new URL(page.url()).pathname).toBe(`${VILLAGE}/berita/kabar-lama-${RUN}-3`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: `Kabar lama ${RUN} nomor 3` }).count()).toBe(1);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Oleh Pak Sekdes Lama');
    expect(main).toContain('2019');
    expect(main).toContain('situs lama');
    expect(main).not.toContain('alert(1)');

    // An old page that was never imported: the village home explains and offers a search.
    await page.goto(url(`${VILLAGE}/situs-lama/2018/01/tidak-pernah-ada.html`));
    expect(new URL(page.url()).pathname).toBe(VILLAGE);
    await expect.poll(() => page.getByRole('heading', { name: 'Halaman dari situs lama' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('searchbox').inputValue()).toBe('tidak pernah ada');
  }, 120_000);

  test('the status page lists the scheduled jobs', async () => {
    const page = await (await phone()).newPage();
    await login(page, 'diskominfo');
    await page.goto(url('/admin/status'));
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Status sistem' }).count()).toBe(1);
    expect(await page.getByRole('cell', { name: 'impor situs lama' }).count()).toBe(1);
    await expectNoA11yViolations(page);
  }, 120_000);
});
