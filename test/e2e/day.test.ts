/**
 * A whole exam day through the screens in Chromium. The CLI syncs from the OKE
 * counterpart and starts the web host. In the browser the test registers
 * attendance for every candidate of the first zitting at A-22, writes a note
 * and the bijzonderheden, closes the zitting and sends. Then it checks what
 * the counterpart received.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Attendance } from '../../main/contract/api';
import {
  getJson,
  makeTempDir,
  repoRoot,
  runCli,
  startCounterpart,
  startServe,
  writeConfig,
  type RunningCounterpart,
  type RunningServe,
} from '../support/processes';

const location = 'A-22';
const choices: { attendance: Exclude<Attendance, 'notKnown'>; button: string }[] = [
  { attendance: 'present', button: 'Aanwezig' },
  { attendance: 'notPresent', button: 'Afwezig' },
  { attendance: 'notStarted', button: 'Niet gestart' },
  { attendance: 'notFinished', button: 'Niet afgerond' },
];
const candidateNote = 'Legitimatie pas na tien minuten getoond.';
const irregularities = 'Brandalarm om 09:40; de zitting lag tien minuten stil.';
const screenshotPath = join(repoRoot, 'test-results', 'e2e-day.png');

interface ReceivedRequest {
  method: string;
  path: string;
  body: unknown;
}

interface TestAdminConsumer {
  consumerKey: string;
  attendance?: string;
  irregularities?: string;
}

async function readReceived(baseUrl: string): Promise<ReceivedRequest[]> {
  const { items } = await getJson<{ items: ReceivedRequest[] }>(`${baseUrl}/_counterpart/received`);
  return items;
}

function parseBody(body: unknown): Record<string, unknown> {
  const value: unknown = typeof body === 'string' ? JSON.parse(body) : body;
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function testAdminConsumer(consumers: unknown): TestAdminConsumer | undefined {
  if (!Array.isArray(consumers)) return undefined;
  return (consumers as TestAdminConsumer[]).find((consumer) => consumer.consumerKey === 'nl-test-admin');
}

function patchesTo(received: ReceivedRequest[], resource: 'associations' | 'offerings', id: string): ReceivedRequest[] {
  const suffix = `/${resource}/${encodeURIComponent(id)}`;
  return received.filter((request) => request.method === 'PATCH' && request.path.split('?')[0]!.endsWith(suffix));
}

async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

describe('exam day in the browser', () => {
  let counterpart: RunningCounterpart | undefined;
  let serve: RunningServe | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;

  let addressAfterLoad = '';
  let offeringId = '';
  /** Attendance chosen per associationId. */
  const chosen = new Map<string, Exclude<Attendance, 'notKnown'>>();
  let notedAssociationId = '';
  let closeWarning = '';
  let queuedAfterClose = '';
  let deliveryOutcome = '';
  let received: ReceivedRequest[] = [];

  before(async () => {
    counterpart = await startCounterpart();
    const dir = makeTempDir();
    const configPath = writeConfig(dir, counterpart.config);
    const dataDir = join(dir, 'data');

    const synced = await runCli(['sync', '--data-dir', dataDir, '--config', configPath]);
    assert.equal(synced.code, 0, `sync failed: ${synced.stderr}`);

    serve = await startServe(dataDir, configPath);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
    await page.goto(serve.url);
    await page.getByRole('heading', { level: 1, name: 'OKE Lokaal' }).waitFor();
    addressAfterLoad = page.url();

    await page.getByLabel('Locatie').selectOption(location);
    await page.waitForFunction((code) => {
      const rows = [...document.querySelectorAll('[data-testid="offering-row"]')];
      return rows.length > 0 && rows.every((row) => row.getAttribute('data-location-code') === code);
    }, location);
    const firstOffering = page.getByTestId('offering-row').filter({ hasNotText: 'Geannuleerd' }).first();
    offeringId = (await firstOffering.getAttribute('data-offering-id')) ?? '';
    await firstOffering.getByRole('button').click();
    await page.getByRole('button', { name: 'Zitting afsluiten' }).waitFor();

    const rows = page.getByTestId('candidate-row');
    const count = await rows.count();
    assert.ok(count >= choices.length, `the zitting needs at least ${choices.length} candidates, it has ${count}`);
    for (let index = 0; index < count; index++) {
      const row = rows.nth(index);
      const choice = choices[index % choices.length]!;
      const associationId = (await row.getAttribute('data-association-id')) ?? '';
      if (index === 0) {
        await row.getByRole('textbox').fill(candidateNote);
        notedAssociationId = associationId;
      }
      await row.getByRole('button', { name: choice.button, exact: true }).click();
      await row.getByRole('button', { name: choice.button, exact: true, pressed: true }).waitFor();
      chosen.set(associationId, choice.attendance);
    }

    await page.getByLabel('Bijzonderheden bij deze zitting').fill(irregularities);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Bijzonderheden opgeslagen.' }).waitFor();

    await page.getByRole('button', { name: 'Zitting afsluiten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Zitting afsluiten?' });
    closeWarning = (await dialog.getByTestId('close-dialog-missing').textContent()) ?? '';
    await dialog.getByRole('button', { name: 'Ja, zitting afsluiten' }).click();
    await page.getByTestId('closed-notice').waitFor();
    queuedAfterClose = (await page.getByTestId('outbox-queued').textContent()) ?? '';

    await page.getByRole('button', { name: 'Verzenden', exact: true }).click();
    // An error message ends the wait too, so a failed delivery shows up in the assertion below.
    const outcome = page.getByTestId('outcome-message').or(page.getByTestId('error-message')).first();
    await outcome.waitFor();
    deliveryOutcome = (await outcome.textContent()) ?? '';

    received = await readReceived(counterpart.baseUrl);
  });

  after(async () => {
    if (page) {
      mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
      await page.screenshot({ path: screenshotPath, fullPage: true }).catch(() => undefined);
    }
    await browser?.close();
    await serve?.stop();
    await counterpart?.stop();
  });

  it('removes the token from the address bar', () => {
    assert.ok(!addressAfterLoad.includes('token='), addressAfterLoad);
  });

  it('warns about no candidates left without attendance', () => {
    assert.equal(closeWarning, 'Alle kandidaten hebben een aanwezigheid.');
  });

  it('counts the closed zitting in the wachtrij', () => {
    assert.match(queuedAfterClose, /Wachtrij\s*[1-9]\d*/);
  });

  it('reports every message sent', () => {
    assert.match(deliveryOutcome, /^\d+ berichten? verzonden, 0 in de wachtrij$/);
  });

  it('sends one flow 3 PATCH per candidate', () => {
    for (const associationId of chosen.keys()) {
      assert.equal(patchesTo(received, 'associations', associationId).length, 1, `PATCHes for association ${associationId}`);
    }
  });

  it('sends the chosen attendance in flow 3', () => {
    for (const [associationId, attendance] of chosen) {
      const [patch] = patchesTo(received, 'associations', associationId);
      const result = parseBody(patch?.body).result as { consumers?: unknown } | undefined;
      assert.equal(testAdminConsumer(result?.consumers)?.attendance, attendance, `attendance of association ${associationId}`);
    }
  });

  it('sends the candidate note in flow 3', () => {
    const [patch] = patchesTo(received, 'associations', notedAssociationId);
    const result = parseBody(patch?.body).result as { consumers?: unknown } | undefined;
    assert.equal(testAdminConsumer(result?.consumers)?.irregularities, candidateNote);
  });

  it('sends one flow 4 PATCH for the zitting', () => {
    assert.equal(patchesTo(received, 'offerings', offeringId).length, 1);
  });

  it('sends the bijzonderheden in flow 4', () => {
    const [patch] = patchesTo(received, 'offerings', offeringId);
    assert.equal(testAdminConsumer(parseBody(patch?.body).consumers)?.irregularities, irregularities);
  });
});
