import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { demoCenterId, DEMO_STORY_CUSTOMER } from '@switchboard/demo';
import { addDays, localDay, localMidnight } from '@switchboard/metrics';
import { clientToken, postGraphQL } from '@switchboard/testing';
import { Workbook } from 'exceljs';
import type { Page } from 'playwright-core';
import { ensureDashboardBuilt } from '../src/dashboard/dashboard-build';
import {
  README_SCREENSHOT_DIR,
  README_SCREENSHOT_SIZE,
  recompressPng,
  screenshotFile,
} from '../src/dashboard/readme-screenshots';
import { demoIdentities } from '../src/start/demo-identities';
import { launchChromium, type HeadlessBrowser } from './browser';
import { FaultProxy } from './fault-proxy';
import { startTestStack, type TestStack } from './stack';

/** Screenshots of every page, for people to look at (git-ignored). */
const ARTIFACTS = resolve(__dirname, '..', '..', 'apps', 'dashboard', 'test-artifacts');
const ZONE = 'Asia/Shanghai';
const MANAGER = 'CENTER_MANAGER of SHA-01';
const AGENT_LABEL = Object.keys(demoIdentities()).find((label) => label.startsWith('AGENT ')) ?? '';
const AGENT_NO = demoIdentities()[AGENT_LABEL].employeeNo ?? '';
const HR_LABEL = Object.keys(demoIdentities()).find((label) => label.startsWith('HR ')) ?? '';
const VOC_LABEL = Object.keys(demoIdentities()).find((label) => label.startsWith('VOC_ANALYST ')) ?? '';
const LEAD_LABEL = Object.keys(demoIdentities()).find((label) => label.startsWith('TEAM_LEAD ')) ?? '';
const LEAD_TEAM = demoIdentities()[LEAD_LABEL].teams[0];
const CASE_HANDLER_LABEL = 'CASE_HANDLER of SHA-01';
const BI_LABEL = 'BI_READER of SHA-01';
const EVALUATOR_LABEL =
  Object.keys(demoIdentities()).find((label) => label.startsWith('QA_EVALUATOR ')) ?? '';

interface KpiValue {
  code: string;
  value: number | null;
  target: number | null;
  status: 'GREEN' | 'AMBER' | 'RED' | null;
  kpi: { unit: 'RATIO' | 'SECONDS' | 'PERCENT_POINTS' | 'COUNT' | 'PER_HOUR' | 'MONEY' };
}

/** A view's one query is heavy (a center's trend by day) and the test machine is shared. */
const VIEW_TIMEOUT_MS = 300_000;

const STATUS_WORDS = { GREEN: 'On target', AMBER: 'Near target', RED: 'Off target' } as const;

/** How the dashboard shows a KPI value in English (Intl, as a browser does). */
function shownInEnglish(value: number | null, unit: KpiValue['kpi']['unit']): string {
  if (value === null) return '–';
  if (unit === 'RATIO')
    return new Intl.NumberFormat('en', {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(value);
  if (unit === 'PERCENT_POINTS')
    return new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(value);
  if (unit === 'COUNT') return new Intl.NumberFormat('en', { maximumFractionDigits: 0 }).format(value);
  if (unit === 'MONEY')
    return new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  if (unit === 'PER_HOUR') return new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(value);
  const whole = Math.round(value);
  return whole >= 60
    ? `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`
    : `${whole} s`;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Whether no element is in the middle of an Ant Design motion (a popup or message appearing or
 * leaving): one at part opacity fails axe's contrast rule for what the user never sees settled.
 */
/** The elements in the middle of an Ant Design motion (enter, appear or leave), as a CSS selector each. */
const IN_MOTION = `[...document.querySelectorAll('[class*="-enter"], [class*="-appear"], [class*="-leave"]')].filter((e) =>
  [...e.classList].some((c) => /^ant-[a-z-]+-(enter|appear|leave)(-(start|prepare|active))?$/.test(c)))`;
const NO_MOTION = `${IN_MOTION}.length === 0`;

/** Every date picker's popup closed (hidden once its leave motion ended). */
const PICKERS_CLOSED = `[...document.querySelectorAll('.ant-picker-dropdown')].every((e) =>
  e.classList.contains('ant-picker-dropdown-hidden') || getComputedStyle(e).display === 'none')`;

/**
 * axe-core's WCAG 2 A/AA rules on the page as it is once its motions have settled: fails naming each
 * violation and its elements.
 */
async function expectAccessible(page: Page): Promise<void> {
  // A motion whose end event never comes (an element hidden or replaced mid-transition, as a loaded
  // machine's late frames allow) keeps its class: past 10 s the elements still in motion are left
  // out of the check (their opacity is mid-way, so their contrast means nothing), named in a
  // warning, and the rest of the page is checked; it never waits on them until the test times out.
  await page.evaluate(
    `document.querySelectorAll('[data-axe-in-motion]').forEach((e) => e.removeAttribute('data-axe-in-motion'))`,
  );
  const settled = await page
    .waitForFunction(NO_MOTION, undefined, { timeout: 10_000 })
    .then(() => true)
    .catch(() => false);
  if (!settled) {
    const moving = (await page.evaluate(`${IN_MOTION}.map((e) => {
      e.setAttribute('data-axe-in-motion', '');
      return e.tagName.toLowerCase() + '.' + [...e.classList].join('.');
    })`)) as string[];
    console.warn(`still in motion after 10 s, left out of the accessibility check: ${moving.join(', ')}`);
  }
  await page.addScriptTag({ content: AXE_SOURCE });
  // a string: this file is compiled without the DOM's types
  const violations = (await page.evaluate(`
    axe.run(
      document.querySelector('[data-axe-in-motion]') ? { exclude: [['[data-axe-in-motion]']] } : document,
      { runOnly: ['wcag2a', 'wcag2aa'] },
    ).then((results) =>
      results.violations.map(
        (v) => v.id + ': ' + v.help + ' (' + v.nodes.map((n) => n.target.join(' ')).join(', ') + ')',
      ),
    )
  `)) as string[];
  expect(violations).toEqual([]);
}

/** At a 390×844 phone the page never scrolls sideways (tables scroll inside their own box). */
async function expectNoPageScrollAtPhoneWidth(page: Page): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300); // layout and charts' resize
  const widths = (await page.evaluate(
    '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
  )) as { scroll: number; client: number };
  // the outermost elements reaching past the screen's edge, to say what widens the page
  const wide =
    widths.scroll > widths.client
      ? ((await page.evaluate(`
          [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .filter((e) => !e.parentElement || e.parentElement.getBoundingClientRect().right <= document.documentElement.clientWidth + 1)
            .slice(0, 5)
            .map((e) => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')
        `)) as string[])
      : [];
  if (size) await page.setViewportSize(size);
  expect({ scrollWidth: widths.scroll, wide }).toEqual({
    scrollWidth: Math.min(widths.scroll, widths.client),
    wide: [],
  });
}

/**
 * Takes a period preset from the page's period picker and waits until the address carries it. The
 * preset is clicked once the picker's popup is open; when the address has not followed within 20 s
 * (a click that landed while the popup was still moving, on a loaded machine), the picker is opened
 * again and the preset taken once more; a second miss fails naming the address the page shows.
 */
async function pickPeriodPreset(page: Page, label: string, carried: string): Promise<void> {
  const reached = (url: URL) => url.href.includes(carried);
  for (let attempt = 1; ; attempt++) {
    await page.locator('fieldset.period .ant-picker').first().click();
    await page.locator('.ant-picker-dropdown:visible .ant-picker-presets li', { hasText: label }).click();
    const took = await page.waitForURL(reached, { timeout: 20_000 }).then(
      () => true,
      () => false,
    );
    if (took) {
      // the user's end state: the period taken and the popup closed (a preset closes it; under load its
      // leave motion can still run when the next step looks at the page)
      await page
        .waitForFunction(PICKERS_CLOSED, undefined, { timeout: 10_000 })
        .catch(() => page.keyboard.press('Escape'));
      await page.waitForFunction(PICKERS_CLOSED, undefined, { timeout: 20_000 });
      return;
    }
    if (attempt >= 2)
      throw new Error(
        `the preset ${label} did not reach the address: expected it to carry ${carried}, it is ${page.url()}`,
      );
    console.warn(`the preset ${label} did not reach the address (${page.url()}); taking it again`);
    await page.keyboard.press('Escape');
  }
}

/**
 * The README's picture of a page (`docs/screenshots/<page>.png`, or `<page>.<variant>.png`), when
 * `SWITCHBOARD_README_SCREENSHOT=1`: the top of the page at 1366×768, losslessly recompressed. A page
 * showing an error or a partial notice (a subgraph slow on a loaded machine) is not pictured: the
 * old picture stays and the run says so.
 */
async function readmeScreenshot(page: Page, name: string, variant?: string): Promise<void> {
  if (!process.env.SWITCHBOARD_README_SCREENSHOT) return;
  const file = screenshotFile(name, variant);
  if ((await page.locator('[role="alert"].notice').count()) > 0) {
    console.warn(`README screenshot ${file} not taken: the page shows an error or partial notice`);
    return;
  }
  const size = page.viewportSize();
  await page.setViewportSize(README_SCREENSHOT_SIZE);
  await page.evaluate('window.scrollTo(0, 0)');
  await page.waitForTimeout(300); // layout and charts' resize
  writeFileSync(join(README_SCREENSHOT_DIR, file), recompressPng(await page.screenshot()));
  if (size) await page.setViewportSize(size);
}

/** Every request any page of the test makes to somewhere else than the gateway (CDN, fonts, icons). */
const outsideRequests: string[] = [];

describe('dashboard in headless chromium', () => {
  let stack: TestStack;
  let chromium: HeadlessBrowser;
  let origin: string;
  let tokens: Record<string, string>;
  /** Between the gateway and qa, so a test can take qa down. */
  let qaProxy: FaultProxy;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    if (process.env.SWITCHBOARD_README_SCREENSHOT) mkdirSync(README_SCREENSHOT_DIR, { recursive: true });
    const dashboardDir = await ensureDashboardBuilt();
    stack = await startTestStack({
      seed: ['staff', 'traffic', 'qa', 'training', 'kpi', 'wfm', 'care'],
      subgraphTimeoutMs: 30_000,
      gateway: { dashboardDir, developmentIdentities: demoIdentities() },
      routeSubgraph: (name, url) =>
        name === 'qa' ? (qaProxy = new FaultProxy(new URL(url))).start() : Promise.resolve(url),
    });
    origin = new URL(stack.gatewayUrl).origin;
    const list = (await (await fetch(`${origin}/dev/tokens`)).json()) as { label: string; token: string }[];
    tokens = Object.fromEntries(list.map((t) => [t.label, t.token]));
    chromium = await launchChromium();
  }, 900_000);

  afterAll(async () => {
    await chromium?.close();
    await stack?.stop();
    await qaProxy?.stop();
  });

  const signIn = async (label: string): Promise<Page> => {
    const page = await chromium.context.newPage();
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !/^(blob|data):/.test(url)) outsideRequests.push(url);
    });
    page.setDefaultTimeout(VIEW_TIMEOUT_MS - 30_000);
    await page.goto(`${origin}/`);
    await page.locator('.language select').selectOption('en'); // the language the last page chose is kept
    await page.getByRole('button', { name: label }).click();
    return page;
  };
  const asCaller = (label: string) => ({ authorization: `Bearer ${tokens[label]}` });

  // nothing any page asks for leaves the machine (no CDN, font service or icon host)
  afterEach(() => {
    expect(outsideRequests.splice(0)).toEqual([]);
  });

  it(
    'serves the app at / beside /graphql and offers every demo identity',
    async () => {
      const index = await fetch(`${origin}/team/anything`);
      expect(index.status).toBe(200);
      expect(await index.text()).toContain('<div id="root">');
      expect(Object.keys(tokens)).toEqual(Object.keys(demoIdentities()));
      // the sign-in page offers them
      const page = await chromium.context.newPage();
      await page.goto(`${origin}/`);
      await page.locator('.language select').selectOption('en');
      await page.getByRole('button', { name: BI_LABEL }).waitFor();
      await expectAccessible(page);
      await readmeScreenshot(page, 'signIn');
      await page.close();
    },
    VIEW_TIMEOUT_MS,
  );

  it(
    'a center manager sees the API’s figures, drills down to an agent and switches language',
    async () => {
      const page = await signIn(MANAGER);
      // The overview's default period: the last 7 whole days in the center's zone.
      const today = localDay(new Date(), ZONE);
      const from = localMidnight(addDays(today, -7), ZONE).toISOString();
      const to = localMidnight(today, ZONE).toISOString();
      const api = await postGraphQL<{ performance: { kpis: KpiValue[] } }>(
        stack.gatewayUrl,
        `query ($id: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
        performance(scope: { type: CENTER, id: $id }, from: $from, to: $to) {
          kpis { code value target status kpi { unit } }
        }
      }`,
        { id: demoCenterId('SHA-01'), from, to },
        asCaller(MANAGER),
      );
      expect(api.errors).toBeUndefined();
      const kpis = api.data?.performance.kpis ?? [];
      expect(kpis.filter((k) => k.value !== null).length).toBeGreaterThan(5);
      // real occupancy (traffic's agent states), not a blank tile, in the README's picture
      expect(kpis.find((k) => k.code === 'OCCUPANCY')?.value).toBeGreaterThan(0);

      await page.locator('[data-kpi]').first().waitFor();
      expect(await page.locator('[data-kpi]').count()).toBe(kpis.length);
      for (const kpi of kpis) {
        const tile = page.locator(`[data-kpi="${kpi.code}"]`);
        expect(await tile.getAttribute('data-value')).toBe(kpi.value === null ? '' : String(kpi.value));
        expect(await tile.locator('.tile-value').innerText()).toBe(shownInEnglish(kpi.value, kpi.kpi.unit));
        expect(await tile.locator('.tile-target').innerText()).toBe(
          `Target: ${shownInEnglish(kpi.target, kpi.kpi.unit)}`,
        );
        expect(await tile.locator('.tile-status').innerText()).toBe(
          kpi.status ? STATUS_WORDS[kpi.status] : 'No data',
        );
      }
      await page.locator('.chart svg').nth(1).waitFor();
      // The staffing plan of their center's first queue, as the API gives it to the same manager.
      const staffing = page.locator('[data-staffing-raw-agents]');
      await staffing.locator('.chart svg').waitFor();
      expect(await staffing.getByRole('alert').count()).toBe(0);
      const plan = await postGraphQL<{ staffingPlan: { intervals: { rawAgents: number }[] } }>(
        stack.gatewayUrl,
        `query ($q: ID!, $d: String!) {
          staffingPlan(queueId: $q, day: $d, timeZone: "${ZONE}", intervalMinutes: 30) { intervals { rawAgents } }
        }`,
        { q: await staffing.getByLabel('Queue').inputValue(), d: addDays(today, -1) },
        asCaller(MANAGER),
      );
      expect(plan.errors).toBeUndefined();
      const required = plan.data?.staffingPlan.intervals.map((i) => i.rawAgents) ?? [];
      expect(required).toHaveLength(48);
      expect(required.some((n) => n > 0)).toBe(true);
      expect(await staffing.getAttribute('data-staffing-raw-agents')).toBe(required.join(' '));
      await page.screenshot({ path: join(ARTIFACTS, 'center-overview.png'), fullPage: true });
      await expectAccessible(page);
      await expectNoPageScrollAtPhoneWidth(page);

      // another queue's plan, then another period: the queue stays chosen (it is in the URL) and the
      // overview is never blanked on the way
      const queue = staffing.getByLabel('Queue');
      const second = await queue.locator('option').nth(1).getAttribute('value');
      await queue.selectOption(second ?? '');
      await page.waitForURL(new RegExp(`[?&]queue=${second}`));
      await pickPeriodPreset(page, 'Yesterday', `from=${addDays(today, -1)}&to=${today}`);
      expect(await page.locator('[data-kpi]').count()).toBe(kpis.length); // kept while loading
      await page.getByRole('status').filter({ hasText: 'Updating…' }).waitFor({ state: 'detached' });
      await staffing.locator('.chart svg').waitFor();
      expect(await queue.inputValue()).toBe(second);

      await page.getByRole('link', { name: 'Cards 1' }).click();
      await page.getByRole('heading', { name: 'Team: Cards 1' }).waitFor();
      const agentLinks = page.locator('table tbody a[href^="#/agent/"]');
      await agentLinks.first().waitFor();
      expect(await agentLinks.count()).toBeGreaterThan(10);
      await page.screenshot({ path: join(ARTIFACTS, 'team.png'), fullPage: true });
      await expectAccessible(page);
      await expectNoPageScrollAtPhoneWidth(page);

      const employeeNo = decodeURIComponent(
        ((await agentLinks.first().getAttribute('href')) ?? '').split('?')[0].split('/').at(-1) ?? '',
      );
      await agentLinks.first().click();
      await page.locator(`section[data-employee-no="${employeeNo}"]`).waitFor();
      // The agent's KPI trend (by week, 8 weeks back from today) came with the page's one query.
      const trend = await postGraphQL<{ agent: { performanceTrend: { from: string; kpis: KpiValue[] }[] } }>(
        stack.gatewayUrl,
        `query ($no: String!, $fromDay: String!, $toDay: String!) {
          agent(employeeNo: $no) {
            performanceTrend(input: { granularity: WEEK, fromDay: $fromDay, toDay: $toDay, timeZone: "${ZONE}" }) {
              from
              kpis(codes: ["SERVICE_LEVEL", "QA_SCORE"]) { code value }
            }
          }
        }`,
        { no: employeeNo, fromDay: addDays(today, -56), toDay: today },
        asCaller(MANAGER),
      );
      expect(trend.errors).toBeUndefined();
      const buckets = trend.data?.agent.performanceTrend ?? [];
      expect(buckets.length).toBeGreaterThanOrEqual(8);
      expect(buckets.every((b) => b.kpis.map((k) => k.code).join() === 'SERVICE_LEVEL,QA_SCORE')).toBe(true);
      const trendPanel = page.locator('[data-trend-buckets]');
      await trendPanel.locator('.chart svg').waitFor();
      expect(await trendPanel.getAttribute('data-trend-buckets')).toBe(String(buckets.length));
      expect(await trendPanel.getByLabel('Trend by').inputValue()).toBe('WEEK');
      await page.screenshot({ path: join(ARTIFACTS, 'agent.png'), fullPage: true });
      await expectAccessible(page);
      await expectNoPageScrollAtPhoneWidth(page);

      await page.getByLabel('Language').selectOption('zh-CN');
      await page.getByRole('heading', { name: new RegExp(`^坐席: .*\\(${employeeNo}\\)$`) }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      await page.screenshot({ path: join(ARTIFACTS, 'agent-zh-CN.png'), fullPage: true });
      await page.getByRole('link', { name: 'Shanghai Contact Center' }).click();
      await page.getByRole('heading', { name: '中心概览: Shanghai Contact Center' }).waitFor();
      const red = kpis.find((k) => k.status === 'RED');
      if (red) expect(await page.locator(`[data-kpi="${red.code}"] .tile-status`).innerText()).toBe('未达标');
      // KPI tiles named in Chinese: every code of the demo catalog, none left in English
      expect(await page.locator('[data-kpi="SERVICE_LEVEL"] h3').innerText()).toBe('服务水平');
      const names = await page.locator('[data-kpi] h3').allInnerTexts();
      expect(names).toHaveLength(kpis.length);
      for (const name of names) expect(name).toMatch(/^[\u4e00-\u9fff]+$/);
      await page.screenshot({ path: join(ARTIFACTS, 'center-overview-zh-CN.png'), fullPage: true });
      await expectAccessible(page);
      await expectNoPageScrollAtPhoneWidth(page);
      await page.close();
    },
    VIEW_TIMEOUT_MS,
  );

  it(
    'a team lead lands on their team, picks a period preset the URL carries, finds an agent and exports a table',
    async () => {
      const { id: teamId, name: teamName } = (
        await postGraphQL<{ team: { id: string; name: string } }>(
          stack.gatewayUrl,
          'query ($code: String!) { team(code: $code) { id name } }',
          { code: LEAD_TEAM },
          asCaller(LEAD_LABEL),
        )
      ).data?.team ?? { id: '', name: '' };
      expect(teamId).not.toBe('');
      const page = await signIn(LEAD_LABEL);
      // nothing leaves the machine: no CDN, font service or icon host (Ant Design's icons are inline)
      const outside: string[] = [];
      page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(origin) && !/^(blob|data):/.test(url)) outside.push(url);
      });
      // lands on the team: no center overview, "No data" or sign-in page on the way
      await page.getByRole('heading', { name: `Team: ${teamName}` }).waitFor();
      expect(page.url()).toBe(`${origin}/#/team/${encodeURIComponent(teamId)}`);
      const nav = page.getByRole('navigation', { name: 'Pages' });
      expect(await nav.getByRole('link').allInnerTexts()).toEqual([
        `My team: ${teamName}`,
        'My page',
        'Erlang calculator',
        'Workforce',
        'Customers',
        'Follow-ups',
      ]);
      // the team's center is no page for them: following its link lands them back on the team
      await page.getByRole('link', { name: 'Shanghai Contact Center' }).click();
      await page.waitForURL(`${origin}/#/team/${encodeURIComponent(teamId)}`);
      const table = page.getByRole('table', { name: 'Agents · Ranking' });
      await table.locator('tbody tr.ant-table-row').first().waitFor();
      const shownBefore = await table.locator('tbody tr.ant-table-row').count();

      // the period by a preset: yesterday in the center's zone, into the URL
      const today = localDay(new Date(), ZONE);
      const yesterday = addDays(today, -1);
      const tile = page.locator('[data-kpi="SERVICE_LEVEL"]');
      const before = await tile.getAttribute('data-value');
      // the API slowed down, to see what the page shows while the new period loads
      let slow = true;
      await page.route('**/graphql', async (route) => {
        if (slow) await new Promise((resolve) => setTimeout(resolve, 2_000));
        await route.continue();
      });
      await pickPeriodPreset(
        page,
        'Yesterday',
        `/#/team/${encodeURIComponent(teamId)}?from=${yesterday}&to=${today}`,
      );
      // no blank page: the old figures stay, marked as updating, until the new arrive
      await page.getByRole('status').filter({ hasText: 'Updating…' }).waitFor();
      expect(await tile.getAttribute('data-value')).toBe(before);
      expect(await table.locator('tbody tr.ant-table-row').count()).toBe(shownBefore);
      slow = false;
      // then yesterday's figures, as the API gives them to the same team lead
      const api = await postGraphQL<{ performance: { kpis: KpiValue[] } }>(
        stack.gatewayUrl,
        `query ($id: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
          performance(scope: { type: TEAM, id: $id }, from: $from, to: $to) { kpis { code value target status kpi { unit } } }
        }`,
        {
          id: teamId,
          from: localMidnight(yesterday, ZONE).toISOString(),
          to: localMidnight(today, ZONE).toISOString(),
        },
        asCaller(LEAD_LABEL),
      );
      expect(api.errors).toBeUndefined();
      const serviceLevel = api.data?.performance.kpis.find((k) => k.code === 'SERVICE_LEVEL');
      expect(serviceLevel).toBeDefined();
      const expected = serviceLevel?.value === null ? '' : String(serviceLevel?.value);
      expect(expected).not.toBe(before); // (else the check below would prove nothing)
      await page.locator(`[data-kpi="SERVICE_LEVEL"][data-value="${expected}"]`).waitFor();
      await page.getByRole('status').filter({ hasText: 'Updating…' }).waitFor({ state: 'detached' });
      expect(await page.locator('fieldset.period input').first().inputValue()).toBe(yesterday);
      expect(await page.locator('fieldset.period input').nth(1).inputValue()).toBe(yesterday); // shown inclusive
      await page.screenshot({ path: join(ARTIFACTS, 'team-lead-yesterday.png'), fullPage: true });
      await readmeScreenshot(page, 'team');
      await expectAccessible(page);
      await expectNoPageScrollAtPhoneWidth(page);

      // the link shared: opened in a new tab and signed in, it shows the same team and period
      const shared = page.url();
      const other = await chromium.context.newPage();
      other.setDefaultTimeout(VIEW_TIMEOUT_MS - 30_000);
      await other.goto(shared);
      await other.getByRole('button', { name: LEAD_LABEL }).click();
      await other.getByRole('heading', { name: `Team: ${teamName}` }).waitFor();
      await other.locator('[data-kpi="SERVICE_LEVEL"]').waitFor();
      expect(other.url()).toBe(shared);
      expect(await other.locator('fieldset.period input').first().inputValue()).toBe(yesterday);
      await other.close();

      // export the agents table as shown to CSV: the file holds what the table shows
      const headers = (await table.locator('thead th').allInnerTexts()).map((h) => h.trim());
      const shownNames = await table.locator('tbody tr.ant-table-row td:first-child').allInnerTexts();
      expect(shownNames.length).toBeGreaterThan(5);
      const block = page.locator('.table-block', { has: table });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        block.getByRole('button', { name: 'CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^Agents-Ranking-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = readFileSync(await download.path(), 'utf8');
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const lines = csv.slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe(headers.join(','));
      expect(lines).toHaveLength(shownNames.length + 1);
      const firstColumn = lines.slice(1).map((line) => line.match(/^("(?:[^"]|"")*"|[^,]*)/)?.[1] ?? '');
      expect(firstColumn.map((cell) => cell.replace(/^"|"$/g, '').replace(/""/g, '"'))).toEqual(shownNames);

      // and to Excel (exceljs, loaded by the page when asked): the same header and rows
      const [xlsx] = await Promise.all([
        page.waitForEvent('download'),
        block.getByRole('button', { name: 'Excel' }).click(),
      ]);
      expect(xlsx.suggestedFilename()).toMatch(/^Agents-Ranking-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const workbook = new Workbook();
      await workbook.xlsx.readFile(await xlsx.path());
      const sheet = workbook.worksheets[0];
      expect(sheet.rowCount).toBe(shownNames.length + 1);
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
      expect((sheet.getColumn(1).values as unknown[]).slice(2)).toEqual(shownNames);

      // find an agent of the team by name, then by number, and open their page
      const [hitName, hitNo] = /^(.*) \((.+)\)$/.exec(shownNames[0])?.slice(1) ?? [];
      const search = page.getByRole('searchbox', { name: 'Search agents by name or employee no.' });
      await search.fill(hitName.slice(0, 3));
      await search.press('Enter');
      const hits = page.getByRole('list', { name: 'Agents found' });
      await hits.getByRole('link', { name: `${hitName} (${hitNo})` }).waitFor();
      for (const text of await hits.getByRole('link').allInnerTexts())
        expect(text.toLowerCase()).toContain(hitName.slice(0, 3).toLowerCase());
      await search.fill(hitNo.toLowerCase());
      await search.press('Enter');
      await hits.getByRole('link', { name: `${hitName} (${hitNo})` }).click();
      await page.locator(`section[data-employee-no="${hitNo}"]`).waitFor();
      await page.locator('[data-trend-buckets] .chart svg').waitFor();
      await readmeScreenshot(page, 'agent');
      expect(outside).toEqual([]);
      await page.close();

      // a token made as the README shows (`switchboard token --role TEAM_LEAD --team ...`: no center, no
      // employee number) lands on the team as well
      const bare = await clientToken({
        subject: `dev:TEAM_LEAD:${LEAD_TEAM}`,
        roles: ['TEAM_LEAD'],
        centers: [],
        teams: [LEAD_TEAM],
      });
      const pasted = await chromium.context.newPage();
      pasted.setDefaultTimeout(VIEW_TIMEOUT_MS - 30_000);
      await pasted.goto(`${origin}/`);
      await pasted.getByLabel('Bearer token').fill(bare);
      await pasted.getByRole('button', { name: 'Use this token' }).click();
      await pasted.getByRole('heading', { name: `Team: ${teamName}` }).waitFor();
      await pasted
        .getByRole('table', { name: 'Agents · Ranking' })
        .locator('tbody tr.ant-table-row')
        .first()
        .waitFor();
      await pasted.screenshot({ path: join(ARTIFACTS, 'team-lead-token.png'), fullPage: true });
      // the team's figures, not a refusal: no failed view, no "no team" (a partial notice of a subgraph
      // slow under load is not this test's subject; it showed once on the shared machine)
      expect(await pasted.locator('.notice.error').count()).toBe(0);
      expect(await pasted.getByText('Your token names no team you may read.').count()).toBe(0);
      expect(await pasted.locator('[data-kpi]').count()).toBeGreaterThan(5);
      expect(
        await pasted
          .getByRole('table', { name: 'Agents · Ranking' })
          .locator('tbody tr.ant-table-row')
          .count(),
      ).toBe(shownNames.length);
      await pasted.close();
    },
    VIEW_TIMEOUT_MS,
  );

  it(
    'a BI analyst’s day in Chinese at phone width: lands on the overview, takes last month, drills down with it, exports, shares the link',
    async () => {
      const page = await signIn(BI_LABEL);
      await page.setViewportSize({ width: 390, height: 844 });
      // lands on their center's overview (read-only: no QA, HR or customers' pages offered)
      await page.getByRole('heading', { name: 'Center overview: Shanghai Contact Center' }).waitFor();
      expect(page.url()).toBe(`${origin}/#/`);
      const nav = await page.getByRole('navigation', { name: 'Pages' }).getByRole('link').allInnerTexts();
      expect(nav).toEqual(
        expect.arrayContaining(['Erlang calculator', 'Workforce', 'Voice of the customer']),
      );
      for (const refused of ['Quality assurance', 'HR compliance', 'Customers', 'Follow-ups', 'Complaints'])
        expect(nav).not.toContain(refused);
      await page.locator('[data-kpi]').first().waitFor();
      await page.locator('[data-staffing-raw-agents] .chart svg').waitFor();
      await readmeScreenshot(page, 'center');
      await page.locator('.language select').selectOption('zh-CN');
      await page.getByRole('heading', { name: '中心概览: Shanghai Contact Center' }).waitFor();
      await readmeScreenshot(page, 'center', 'zh-CN');
      await expectAccessible(page);
      await expectNoPageScrollAtPhoneWidth(page);

      // last month, by its preset, into the address; the figures are the API's for the same month
      const today = localDay(new Date(), ZONE);
      const monthStart = `${today.slice(0, 8)}01`;
      const lastMonth = `${addDays(monthStart, -1).slice(0, 8)}01`;
      await pickPeriodPreset(page, '上月', `/#/?from=${lastMonth}&to=${monthStart}`);
      const api = await postGraphQL<{ performance: { kpis: KpiValue[] } }>(
        stack.gatewayUrl,
        `query ($id: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
          performance(scope: { type: CENTER, id: $id }, from: $from, to: $to) { kpis { code value target status kpi { unit } } }
        }`,
        {
          id: demoCenterId('SHA-01'),
          from: localMidnight(lastMonth, ZONE).toISOString(),
          to: localMidnight(monthStart, ZONE).toISOString(),
        },
        asCaller(BI_LABEL),
      );
      expect(api.errors).toBeUndefined();
      const serviceLevel = api.data?.performance.kpis.find((k) => k.code === 'SERVICE_LEVEL');
      expect(serviceLevel?.value).not.toBeNull();
      await page.locator(`[data-kpi="SERVICE_LEVEL"][data-value="${serviceLevel?.value}"]`).waitFor();
      await page.getByRole('status').filter({ hasText: /更新/ }).waitFor({ state: 'detached' });
      await expectNoPageScrollAtPhoneWidth(page);

      // the interval chart as a PNG, the teams table as CSV with its Chinese header
      const [png] = await Promise.all([
        page.waitForEvent('download'),
        page
          .getByRole('button', { name: /^下载 PNG/ })
          .first()
          .click(),
      ]);
      expect([...readFileSync(await png.path()).subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
      const teams = page.getByRole('table', { name: '团队' });
      await teams.locator('tbody tr.ant-table-row').first().waitFor();
      const teamNames = await teams.locator('tbody tr.ant-table-row td:first-child').allInnerTexts();
      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('.table-block', { has: teams }).getByRole('button', { name: 'CSV' }).click(),
      ]);
      const lines = readFileSync(await csv.path(), 'utf8')
        .slice(1)
        .trimEnd()
        .split('\r\n');
      expect(lines[0]).toBe((await teams.locator('thead th').allInnerTexts()).map((h) => h.trim()).join(','));
      expect(lines).toHaveLength(teamNames.length + 1);

      // drill down to a team: last month goes along
      await teams.getByRole('link', { name: 'Cards 1' }).click();
      await page.getByRole('heading', { name: '团队: Cards 1' }).waitFor();
      expect(new URL(page.url()).hash).toMatch(
        new RegExp(`^#/team/[^?]+\\?from=${lastMonth}&to=${monthStart}$`),
      );
      expect(await page.locator('fieldset.period input').first().inputValue()).toBe(lastMonth);
      await page.getByRole('table', { name: /^坐席/ }).locator('tbody tr.ant-table-row').first().waitFor();
      await expectAccessible(page);
      await expectNoPageScrollAtPhoneWidth(page);
      await page.screenshot({ path: join(ARTIFACTS, 'bi-team-zh-CN-phone.png'), fullPage: true });

      // act: the link shared with a colleague opens the same team and month
      const shared = page.url();
      const other = await chromium.context.newPage();
      other.setDefaultTimeout(VIEW_TIMEOUT_MS - 30_000);
      await other.goto(shared);
      await other.getByRole('button', { name: BI_LABEL }).click();
      await other.getByRole('heading', { name: '团队: Cards 1' }).waitFor();
      expect(other.url()).toBe(shared);
      expect(await other.locator('fieldset.period input').nth(1).inputValue()).toBe(addDays(monthStart, -1));
      await other.close();
      await page.locator('.language select').selectOption('en');
      await page.close();
    },
    VIEW_TIMEOUT_MS,
  );

  it(
    'with qa down, the overview, the drill-down and the agent page show traffic and a notice naming qa',
    async () => {
      const port = qaProxy.port;
      await qaProxy.stop();
      try {
        const page = await signIn(MANAGER);
        const notice = page.locator('.notice.partial');
        const PARTIAL = 'Some services did not answer; what is shown is what still works: qa';
        await notice.waitFor();
        expect(await notice.innerText()).toBe(PARTIAL);
        // KPIs that need no QA are still computed; QA's are blank
        expect(await page.locator('[data-kpi="SERVICE_LEVEL"]').getAttribute('data-value')).not.toBe('');
        expect(await page.locator('[data-kpi="QA_SCORE"]').getAttribute('data-value')).toBe('');
        await page.screenshot({ path: join(ARTIFACTS, 'center-overview-qa-down.png'), fullPage: true });

        await page.getByRole('link', { name: 'Cards 1' }).click();
        await page.getByRole('heading', { name: 'Team: Cards 1' }).waitFor();
        const table = page.getByRole('table', { name: 'Agents · Ranking' });
        await table.locator('tbody tr').first().waitFor();
        expect(await notice.innerText()).toBe(PARTIAL);
        const column = async (label: string) => {
          const headers = await table.locator('thead th').allInnerTexts();
          const index = headers.findIndex((h) => h.startsWith(label));
          expect(index).toBeGreaterThan(0);
          return table.locator(`tbody tr td:nth-child(${index + 1})`).allInnerTexts();
        };
        const offered = await column('Offered');
        expect(offered.length).toBeGreaterThan(10);
        expect(offered.filter((v) => /^[1-9][\d,]*$/.test(v)).length).toBeGreaterThan(5); // traffic is there
        expect(new Set(await column('QA score'))).toEqual(new Set(['–'])); // QA is not
        expect((await column('Rank')).filter((v) => /^\d+$/.test(v)).length).toBeGreaterThan(5); // ranked without QA
        await page.screenshot({ path: join(ARTIFACTS, 'team-qa-down.png'), fullPage: true });

        // an agent of the team who took calls in the team's week
        const busy = offered.findIndex((v) => /^[1-9][\d,]*$/.test(v));
        const agentLink = table.locator('tbody tr').nth(busy).locator('a[href^="#/agent/"]');
        const employeeNo = decodeURIComponent(
          ((await agentLink.getAttribute('href')) ?? '').split('?')[0].split('/').at(-1) ?? '',
        );
        await agentLink.click();
        await page.locator(`section[data-employee-no="${employeeNo}"]`).waitFor();
        await notice.waitFor();
        expect(await notice.innerText()).toBe(PARTIAL);
        const facts = await page.locator('dl.facts').innerText();
        expect(facts).toMatch(/Offered\s+[1-9][\d,]*/);
        expect(await page.getByTestId('agent-qa-score').innerText()).toBe('–');
        expect(
          await page.getByRole('table', { name: 'Evaluations' }).locator('tbody tr.ant-table-row').count(),
        ).toBe(0);
        await page.screenshot({ path: join(ARTIFACTS, 'agent-qa-down.png'), fullPage: true });
        await page.close();
      } finally {
        await qaProxy.start(port);
      }
    },
    VIEW_TIMEOUT_MS,
  );

  it(
    'the Erlang calculator shows what the staffing query answers',
    async () => {
      const page = await signIn(MANAGER);
      await page.getByRole('link', { name: 'Erlang calculator' }).click();
      await page.getByLabel('Calls per interval').fill('240');
      await page.getByRole('button', { name: 'Calculate' }).click();
      const api = await postGraphQL<{ staffing: { rawAgents: number; scheduledAgents: number } }>(
        stack.gatewayUrl,
        `{ staffing(input: { callsPerInterval: 240, ahtSeconds: 300, intervalMinutes: 30, targetServiceLevel: 0.8,
          targetAnswerSeconds: 20, shrinkage: 0.3 }) { rawAgents scheduledAgents } }`,
      );
      const facts = page.locator('dl.facts');
      await facts.waitFor();
      const text = await facts.innerText();
      expect(text).toContain(`Agents on the phones\n${api.data?.staffing.rawAgents}`);
      expect(text).toContain(`Agents to schedule\n${api.data?.staffing.scheduledAgents}`);
      await page.screenshot({ path: join(ARTIFACTS, 'erlang.png'), fullPage: true });
      await readmeScreenshot(page, 'erlang');
      await expectAccessible(page);
      await expectNoPageScrollAtPhoneWidth(page);
      await page.close();
    },
    VIEW_TIMEOUT_MS,
  );

  it(
    'HR sees compliance by team; a QA evaluator sees the workload and scores live',
    async () => {
      const hr = await signIn(HR_LABEL);
      // HR lands on compliance, a QA evaluator on QA (below)
      await hr.waitForURL(new RegExp(`#/hr/${encodeURIComponent(demoCenterId('SHA-01'))}$`));
      await hr.getByRole('table', { name: 'Overdue assignments' }).waitFor();
      await hr.getByRole('link', { name: 'HR compliance' }).click();
      await hr.getByRole('table', { name: 'Teams' }).locator('tbody tr').first().waitFor();
      expect(await hr.getByRole('table', { name: 'Teams' }).locator('tbody tr').count()).toBe(8);
      await hr.screenshot({ path: join(ARTIFACTS, 'hr.png'), fullPage: true });
      await readmeScreenshot(hr, 'hr');
      await expectAccessible(hr);
      await expectNoPageScrollAtPhoneWidth(hr);
      await hr.close();

      const qa = await signIn(EVALUATOR_LABEL);
      await qa.waitForURL(`${origin}/#/qa`);
      await qa.getByRole('link', { name: 'Quality assurance' }).click();
      const live = qa.getByTestId('live-score');
      await live.waitFor();
      expect(await live.innerText()).toMatch(/^Score: – · 0\/\d+$/);
      const criteria = qa.locator('fieldset.section select');
      await criteria.first().selectOption({ index: 1 }); // the best answer
      expect(await live.innerText()).toMatch(/^Score: 100 · 1\/\d+$/);

      // Score one of the agents the evaluator still owes, submit, and find it stored with that score.
      const evaluatorNo = demoIdentities()[EVALUATOR_LABEL].employeeNo ?? '';
      const plan = await postGraphQL<{ samplingPlans: { id: string }[] }>(
        stack.gatewayUrl,
        '{ samplingPlans { id } }',
        undefined,
        asCaller(EVALUATOR_LABEL),
      );
      const workload = () =>
        postGraphQL<{
          evaluatorWorkload: { done: number; agents: { agent: { employeeNo: string }; owed: number }[] }[];
        }>(
          stack.gatewayUrl,
          `query ($plan: ID!, $me: String!) { evaluatorWorkload(planId: $plan, evaluatorEmployeeNo: $me) {
            done agents { agent { employeeNo } owed } } }`,
          { plan: plan.data?.samplingPlans[0].id, me: evaluatorNo },
          asCaller(EVALUATOR_LABEL),
        );
      const before = (await workload()).data?.evaluatorWorkload[0];
      const owedAgent = before?.agents.find((a) => a.owed > 0 && a.agent.employeeNo !== evaluatorNo);
      expect(owedAgent).toBeDefined();
      const agentNo = owedAgent?.agent.employeeNo ?? '';
      const doneCell = qa
        .getByRole('table', { name: 'What each evaluator owes this period' })
        .locator('tbody tr', { hasText: evaluatorNo })
        .locator('td')
        .nth(3);
      expect(await doneCell.innerText()).toBe(String(before?.done));

      // a call the agent answered (issue 17: QA scores only contacts traffic holds, of that agent)
      const contactId = `dashboard-e2e-${Date.now()}`;
      const answered = new Date(Date.now() - 3_600_000);
      const ingest = await postGraphQL(
        stack.gatewayUrl,
        'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }',
        {
          c: [
            {
              source: 'dashboard-e2e',
              externalId: contactId,
              channel: 'VOICE',
              queue: 'DASH-E2E',
              agent: agentNo,
              arrivedAt: answered.toISOString(),
              answeredAt: new Date(answered.getTime() + 6_000).toISOString(),
              endedAt: new Date(answered.getTime() + 200_000).toISOString(),
              outcome: 'ANSWERED',
            },
          ],
        },
      );
      expect(ingest.data).toEqual({ ingestContacts: { inserted: 1 } });
      await qa.getByLabel('Agent evaluated (employee no.)').fill(agentNo);
      expect(await qa.getByRole('textbox', { name: 'Evaluator', exact: true }).inputValue()).toBe(
        evaluatorNo,
      );
      await qa.getByLabel('Contact source').fill('dashboard-e2e');
      await qa.getByLabel('Contact ID').fill(contactId);
      const count = await criteria.count();
      for (let i = 0; i < count; i++) await criteria.nth(i).selectOption({ index: i === 1 ? 2 : 1 });
      const shown = await live.innerText();
      expect(shown).toMatch(new RegExp(`^Score: [\\d.]+.* · ${count}/${count}$`));
      const submit = qa.getByRole('button', { name: 'Submit evaluation' });
      await submit.dblclick(); // one evaluation however eager the evaluator
      const success = qa.getByTestId('submitted');
      await success.waitFor();
      const formScore = shown.replace(/^Score: /, '').split(' · ')[0];
      expect(await success.innerText()).toContain(`: ${formScore}`);

      const stored = await postGraphQL<{
        evaluations: { nodes: { status: string; overallScore: number; contact: { externalId: string } }[] };
      }>(
        stack.gatewayUrl,
        `query ($agent: String!, $me: String!) {
          evaluations(first: 50, filter: { agentEmployeeNos: [$agent], evaluatorEmployeeNos: [$me] }) {
            nodes { status overallScore contact { externalId } }
          }
        }`,
        { agent: agentNo, me: evaluatorNo },
        asCaller(EVALUATOR_LABEL),
      );
      expect(stored.errors).toBeUndefined();
      const mine = stored.data?.evaluations.nodes.filter((e) => e.contact.externalId === contactId) ?? [];
      expect(mine).toHaveLength(1);
      expect(mine[0].status).toBe('SUBMITTED');
      expect(new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(mine[0].overallScore)).toBe(
        formScore,
      );
      // the owed list was refetched: one more done
      const after = (await workload()).data?.evaluatorWorkload[0];
      expect(after?.done).toBe((before?.done ?? 0) + 1);
      // (the success notice shows once the refetch is in: submitEvaluation awaits it)
      expect(await doneCell.innerText()).toBe(String(after?.done));
      await qa.screenshot({ path: join(ARTIFACTS, 'qa.png'), fullPage: true });
      await readmeScreenshot(qa, 'qa');
      await expectAccessible(qa);
      await expectNoPageScrollAtPhoneWidth(qa);

      // the API's refusal shows beside the input it names: an evaluator may not score themself (the
      // evaluator is the caller, so the agent is refused)
      await qa.getByLabel('Agent evaluated (employee no.)').fill(evaluatorNo);
      for (let i = 0; i < count; i++) await criteria.nth(i).selectOption({ index: 1 });
      await submit.click();
      await qa.getByText('input.agentEmployeeNo: must not be you: nobody evaluates themself').waitFor();
      await qa.screenshot({ path: join(ARTIFACTS, 'qa-refused.png'), fullPage: true });
      await qa.close();
    },
    VIEW_TIMEOUT_MS,
  );

  it(
    'HR follows up overdue training from the list: reminds one agent, gives another a new due date',
    async () => {
      const hr = await signIn(HR_LABEL);
      const table = hr.getByRole('table', { name: 'Overdue assignments' });
      const rows = table.locator('tbody tr.ant-table-row');
      await rows.first().waitFor();
      expect(await rows.count()).toBeGreaterThan(1);
      const overdue = async () =>
        new Map(
          (
            (
              await postGraphQL<{ overdueAssignments: { id: string; dueDate: string; reminders: number }[] }>(
                stack.gatewayUrl,
                '{ overdueAssignments(first: 5000) { id dueDate reminders } }',
                undefined,
                asCaller(HR_LABEL),
              )
            ).data?.overdueAssignments ?? []
          ).map((a) => [a.id, a]),
        );

      // remind the first row's agent: the row says when and how often, and the API counts it
      const first = rows.first();
      const firstId = (await first.getAttribute('data-row-key')) ?? '';
      const timesBefore = (await overdue()).get(firstId)?.reminders ?? -1;
      expect(timesBefore).toBeGreaterThanOrEqual(0);
      await first.getByRole('button', { name: 'Remind', exact: true }).click();
      await table.locator(`tr[data-row-key="${firstId}"] td`, { hasText: `(${timesBefore + 1})` }).waitFor();
      expect((await overdue()).get(firstId)?.reminders).toBe(timesBefore + 1);

      // a new due date for the second row: it leaves the overdue list, here and in the API
      const second = rows.nth(1);
      const secondId = (await second.getAttribute('data-row-key')) ?? '';
      await second.getByRole('button', { name: 'New due date' }).click();
      await second.getByLabel('New due date', { exact: true }).fill(addDays(localDay(new Date(), 'UTC'), 14));
      await second.getByLabel('Reason for the new due date').fill('Back from leave on Monday');
      await second.getByRole('button', { name: 'Save' }).click();
      await table.locator(`tr[data-row-key="${secondId}"]`).waitFor({ state: 'detached' });
      expect((await overdue()).has(secondId)).toBe(false);
      await expectAccessible(hr);
      await expectNoPageScrollAtPhoneWidth(hr);
      await hr.screenshot({ path: join(ARTIFACTS, 'hr-follow-up.png'), fullPage: true });
      await hr.close();
    },
    VIEW_TIMEOUT_MS,
  );

  it(
    'QA work in the browser: an evaluator scores a drawn contact, its agent disputes, someone else resolves',
    async () => {
      const evaluatorNo = demoIdentities()[EVALUATOR_LABEL].employeeNo ?? '';
      const qa = await signIn(EVALUATOR_LABEL);
      await qa.waitForURL(`${origin}/#/qa`);
      // last week's sample (the demo's traffic ends at today's midnight: on a Monday this week has none)
      await qa.getByLabel('Period containing').fill(addDays(localDay(new Date(), 'UTC'), -7));
      await qa.getByRole('button', { name: "Show the period's sample" }).click();
      const panel = qa.getByTestId('qa-sample');
      // the drawn sample, or (a failure then, with what the panel says) no sample or an error
      await panel.locator('table, [role="status"], [role="alert"]').first().waitFor();
      const sample = qa.getByRole('table', { name: 'Contacts drawn for you to score' });
      if ((await sample.count()) === 0) throw new Error(`no sample shown: ${await panel.innerText()}`);
      const toScore = sample.locator('tbody tr', { has: qa.getByTestId('score-sampled') }).first();
      await toScore.waitFor();
      // the row names the agent and the contact; "Score" fills the form with them: nothing typed by hand
      const agentNo = /\(([^)]+)\)/.exec(await toScore.locator('td').first().innerText())?.[1] ?? '';
      const contactId = await toScore.locator('td').nth(1).innerText();
      expect(agentNo).not.toBe('');
      expect(agentNo).not.toBe(evaluatorNo);
      await toScore.getByTestId('score-sampled').click();
      expect(await qa.getByLabel('Agent evaluated (employee no.)').inputValue()).toBe(agentNo);
      expect(await qa.getByRole('textbox', { name: 'Contact ID' }).inputValue()).toBe(contactId);
      const criteria = qa.locator('fieldset.section select');
      const count = await criteria.count();
      for (let i = 0; i < count; i++) await criteria.nth(i).selectOption({ index: i === 1 ? 2 : 1 });
      const comment = `Good greeting; verify the caller first (e2e ${Date.now()})`;
      await qa.getByLabel('Comment for the agent').fill(comment);
      await qa.getByRole('button', { name: 'Submit evaluation' }).click();
      await qa.getByTestId('submitted').waitFor();
      // the sample is read again: the contact is scored now
      await sample.locator('tbody tr', { hasText: contactId }).filter({ hasText: 'Scored' }).waitFor();
      await expectAccessible(qa);
      await expectNoPageScrollAtPhoneWidth(qa);

      // the evaluated agent, signed in with their own token, finds it on their page and disputes it
      const agentToken = await clientToken({
        subject: `dev:AGENT:${agentNo}`,
        roles: ['AGENT'],
        centers: [],
        teams: [],
        employeeNo: agentNo,
      });
      const agent = await chromium.context.newPage();
      agent.setDefaultTimeout(VIEW_TIMEOUT_MS - 30_000);
      await agent.goto(`${origin}/`);
      await agent.getByLabel('Bearer token').fill(agentToken);
      await agent.getByRole('button', { name: 'Use this token' }).click();
      await agent.locator(`section[data-employee-no="${agentNo}"]`).waitFor();
      // the score waits for the agent's response (whatever the page's period: today is not in it)
      const awaiting = agent.getByTestId('agent-awaiting');
      const row = awaiting.locator('tbody tr', { hasText: comment });
      await row.waitFor();
      expect(await row.innerText()).toContain('Submitted');
      expect(await row.innerText()).toContain(evaluatorNo);
      // the period's list and the period's count agree (every page of the list loaded)
      const list = agent.getByTestId('agent-evaluations');
      while ((await list.getAttribute('data-complete')) !== 'true')
        await agent.getByRole('button', { name: 'Show more evaluations' }).click();
      expect(await list.getAttribute('data-count')).toBe(
        await agent.getByTestId('agent-qa-evaluations').getAttribute('data-value'),
      );
      await row.getByRole('button', { name: 'Dispute' }).click();
      const reason = `The caller was verified at 00:40 (e2e ${Date.now()})`;
      await row.getByLabel('Why do you dispute this score?').fill(reason);
      await row.getByRole('button', { name: 'Send dispute' }).click();
      // answered: it no longer waits
      await awaiting.locator('tbody tr', { hasText: comment }).waitFor({ state: 'detached' });
      await expectAccessible(agent);
      await expectNoPageScrollAtPhoneWidth(agent);
      await agent.close();

      // the evaluator who scored it is not offered the decision...
      await qa.reload();
      const disputes = qa.getByRole('table', { name: 'Disputes to resolve' });
      const waiting = disputes.locator('tbody tr', { hasText: reason });
      await waiting.waitFor();
      expect(await waiting.innerText()).toContain('Your own evaluation: someone else resolves it');
      await qa.close();

      // ...someone else (an administrator) upholds the score with a reason
      const admin = await signIn('ADMIN');
      // from the menu, once the landing page is there (a hash set before it would be replaced)
      await admin.locator('[data-kpi]').first().waitFor();
      await admin.getByRole('link', { name: 'Quality assurance' }).click();
      const adminRow = admin.getByRole('table', { name: 'Disputes to resolve' }).locator('tbody tr', {
        hasText: reason,
      });
      await adminRow.waitFor();
      await adminRow
        .getByLabel(`Reason for the decision ${agentNo}`)
        .fill('The recording shows no verification');
      await adminRow.getByRole('button', { name: 'Uphold the score' }).click();
      await admin.getByText(reason).waitFor({ state: 'detached' });
      await admin.screenshot({ path: join(ARTIFACTS, 'qa-disputes.png'), fullPage: true });
      await admin.close();

      const stored = await postGraphQL<{
        evaluations: {
          nodes: { status: string; resolution: string; comment: string; disputeReason: string }[];
        };
      }>(
        stack.gatewayUrl,
        `query ($agent: String!) { evaluations(first: 200, filter: { agentEmployeeNos: [$agent] }) {
          nodes { status resolution comment disputeReason } } }`,
        { agent: agentNo },
        asCaller('ADMIN'),
      );
      expect(stored.data?.evaluations.nodes.filter((e) => e.comment === comment)).toEqual([
        { status: 'RESOLVED', resolution: 'UPHELD', comment, disputeReason: reason },
      ]);
    },
    VIEW_TIMEOUT_MS,
  );

  it(
    'an agent sees their own page and is offered no one else',
    async () => {
      const page = await signIn(AGENT_LABEL);
      await page.locator(`section[data-employee-no="${AGENT_NO}"]`).waitFor();
      expect(await page.getByRole('navigation').count()).toBe(0);
      expect(await page.locator('a[href^="#/agent/"], a[href^="#/center/"]').count()).toBe(0);
      const today = localDay(new Date(), ZONE);
      const api = await postGraphQL<{ agent: { qaSummary: { score: number | null } } }>(
        stack.gatewayUrl,
        `query ($no: String!, $from: DateTimeISO!, $to: DateTimeISO!) {
        agent(employeeNo: $no) { qaSummary(from: $from, to: $to) { score } }
      }`,
        {
          no: AGENT_NO,
          from: localMidnight(addDays(today, -30), ZONE).toISOString(),
          to: localMidnight(today, ZONE).toISOString(),
        },
        asCaller(AGENT_LABEL),
      );
      expect(api.errors).toBeUndefined();
      const score = api.data?.agent.qaSummary.score ?? null;
      expect(await page.getByTestId('agent-qa-score').innerText()).toBe(
        score === null ? '–' : new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(score),
      );
      // Whatever another address asks, the page shows the signed-in agent.
      await page.goto(`${origin}/#/center/${demoCenterId('SHA-01')}`);
      await page.locator(`section[data-employee-no="${AGENT_NO}"]`).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'agent-signed-in.png'), fullPage: true });
      await expectAccessible(page);
      await expectNoPageScrollAtPhoneWidth(page);
      await page.close();
    },
    VIEW_TIMEOUT_MS,
  );

  it(
    "a manager finds the story customer: every call with its agent's number, both broken promises, PII masked; then follows up and reassigns",
    async () => {
      type Story = {
        customer: {
          timeline: {
            items: { kind: string; channel: string | null; agent: { employeeNo: string } | null }[];
          };
        };
        commitments: { id: string; ownerEmployeeNo: string; status: string; caseId: string | null }[];
      };
      const api = await postGraphQL<Story>(
        stack.gatewayUrl,
        `query ($k: String!) {
          customer(key: $k) { timeline(first: 100) { items { kind channel agent { employeeNo } } } }
          commitments(first: 50, customerKey: $k) { id ownerEmployeeNo status caseId }
        }`,
        { k: DEMO_STORY_CUSTOMER },
        asCaller(MANAGER),
      );
      expect(api.errors).toBeUndefined();
      const calls = (api.data?.customer.timeline.items ?? []).filter((i) => i.kind === 'CONTACT');
      expect(calls.map((c) => c.channel)).toEqual(['VOICE', 'WECHAT', 'VOICE']); // newest first
      const promises = api.data?.commitments ?? [];
      expect(promises.map((p) => p.status)).toEqual(['BROKEN', 'BROKEN']);

      const page = await signIn(MANAGER);
      await page.getByRole('link', { name: 'Customers' }).click();
      await page.getByRole('heading', { name: 'Customer' }).waitFor();
      // any written form of the number finds the customer
      await page.getByLabel('Find a customer by key').fill('138 0000 0001');
      await page.getByRole('button', { name: 'Open' }).click();
      await page.locator(`dl[data-customer-key="${DEMO_STORY_CUSTOMER}"]`).waitFor();
      expect(await page.locator('[data-pii="name"]').innerText()).toBe(
        '•••• (personal data: case handlers only)',
      );
      expect(await page.locator('[data-pii="phone"]').innerText()).toBe(
        '•••• (personal data: case handlers only)',
      );
      // keyset pages: "Load more" until the whole history is shown
      const more = page.getByRole('button', { name: 'Load more' });
      while (await more.isVisible()) {
        const before = await page.locator('ol.timeline > li').count();
        await more.click();
        await page.waitForFunction(`document.querySelectorAll('ol.timeline > li').length > ${before}`);
      }
      await page.getByText('The whole history is shown.').waitFor();
      expect(await page.locator('ol.timeline > li').count()).toBe(api.data?.customer.timeline.items.length);
      const shownCalls = page.locator('ol.timeline > li[data-kind="CONTACT"]');
      expect(await shownCalls.count()).toBe(3);
      for (const [i, call] of calls.entries()) {
        const item = shownCalls.nth(i);
        expect(await item.getAttribute('data-agent-no')).toBe(call.agent?.employeeNo);
        expect(await item.innerText()).toContain(`Agent no. ${call.agent?.employeeNo}`);
      }
      const promiseTable = page.getByRole('table', { name: 'Promises' });
      const broken = promiseTable.locator('tbody [data-status="BROKEN"]');
      expect(await broken.count()).toBe(2);
      expect(await broken.allInnerTexts()).toEqual(['Broken', 'Broken']);
      const promisers = await promiseTable.locator('tbody a[href^="#/agent/"]').allInnerTexts();
      expect(new Set(promisers)).toEqual(new Set(promises.map((p) => p.ownerEmployeeNo)));
      // the first two calls' agents made them (the oldest two contacts)
      expect(new Set(promisers)).toEqual(new Set(calls.slice(1).map((c) => c.agent?.employeeNo)));
      await page.screenshot({ path: join(ARTIFACTS, 'customer.png'), fullPage: true });
      await readmeScreenshot(page, 'customer');
      await expectAccessible(page);
      await expectNoPageScrollAtPhoneWidth(page);

      // follow-ups: the broken promises are overdue; the counts agree with the list
      await page.getByRole('link', { name: 'Follow-ups' }).click();
      await page.getByRole('heading', { name: 'Follow-ups' }).waitFor();
      const open = await postGraphQL<{ commitments: { status: string }[] }>(
        stack.gatewayUrl,
        '{ commitments(first: 500, openOnly: true) { status } }',
        undefined,
        asCaller(MANAGER),
      );
      const overdue = (open.data?.commitments ?? []).filter((c) => c.status === 'BROKEN').length;
      expect(overdue).toBeGreaterThanOrEqual(2);
      expect(await page.locator('[data-bucket="overdueNow"] .tile-value').innerText()).toBe(String(overdue));
      const list = page.getByRole('table', { name: 'Follow-ups', exact: true });
      const storyRow = list.locator('tbody tr', {
        has: page.locator(`a[href="#/customer/${encodeURIComponent(DEMO_STORY_CUSTOMER)}"]`),
      });
      expect(await storyRow.count()).toBe(2);
      const byAgent = page.getByRole('table', { name: 'By agent' });
      expect(await byAgent.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(ARTIFACTS, 'follow-ups.png'), fullPage: true });
      await readmeScreenshot(page, 'followUps');
      await expectAccessible(page);
      await expectNoPageScrollAtPhoneWidth(page);

      // care lets only case handlers change a case: a manager is not offered the button
      expect(await list.getByRole('button', { name: 'Reassign case' }).count()).toBe(0);
      await expectAccessible(page);
      await page.close();
    },
    VIEW_TIMEOUT_MS,
  );

  it(
    'a case handler lands on the complaint deadlines, opens the follow-ups and reads the customer’s name and phone, in Chinese too',
    async () => {
      const page = await signIn(CASE_HANDLER_LABEL);
      // their day starts on the complaints' deadlines; the follow-ups are one click away
      await page.getByRole('heading', { name: 'Complaint deadlines' }).waitFor();
      expect(page.url()).toBe(`${origin}/#/complaints`);
      const nav = page.getByRole('navigation', { name: 'Pages' });
      expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Customers', 'Follow-ups', 'Complaints']);
      await nav.getByRole('link', { name: 'Follow-ups' }).click();
      await page.getByRole('heading', { name: 'Follow-ups' }).waitFor();
      const api = await postGraphQL<{
        customer: { timeline: { items: { kind: string; agent: { employeeNo: string } | null }[] } };
        commitments: { caseId: string | null }[];
      }>(
        stack.gatewayUrl,
        `query ($k: String!) {
          customer(key: $k) { timeline(first: 100) { items { kind agent { employeeNo } } } }
          commitments(first: 50, customerKey: $k) { caseId }
        }`,
        { k: DEMO_STORY_CUSTOMER },
        asCaller(CASE_HANDLER_LABEL),
      );
      expect(api.errors).toBeUndefined();
      const calls = (api.data?.customer.timeline.items ?? []).filter((i) => i.kind === 'CONTACT');
      const promises = api.data?.commitments ?? [];
      expect(promises).toHaveLength(2);
      const list = page.getByRole('table', { name: 'Follow-ups', exact: true });
      const storyRow = list.locator('tbody tr', {
        has: page.locator(`a[href="#/customer/${encodeURIComponent(DEMO_STORY_CUSTOMER)}"]`),
      });
      await storyRow.first().waitFor();
      // one click hands the promise's case to the third call's agent
      const newOwner = calls[0].agent?.employeeNo ?? '';
      const row = storyRow.first();
      await row.getByRole('textbox').fill(newOwner);
      const outcome = row.locator('.reassign [role="status"], .reassign [role="alert"]');
      await row.getByRole('button', { name: 'Reassign case' }).click();
      await outcome.waitFor({ timeout: 120_000 });
      expect(await outcome.innerText()).toBe(`Case reassigned to ${newOwner}`);
      const after = await postGraphQL<{ case: { ownerAgentNo: string } }>(
        stack.gatewayUrl,
        'query ($id: ID!) { case(id: $id) { ownerAgentNo } }',
        { id: promises[0].caseId },
        asCaller(CASE_HANDLER_LABEL),
      );
      expect(after.data?.case.ownerAgentNo).toBe(newOwner);
      // an unknown agent: care's error, shown beside the button, nothing changed
      await row.getByRole('textbox').fill('NO-SUCH-AGENT');
      await row.getByRole('button', { name: 'Reassign case' }).click();
      await row.locator('.reassign [role="alert"]').waitFor({ timeout: 120_000 });
      expect(await outcome.innerText()).toContain('change.ownerAgentNo');
      // the case still has the owner given before
      const still = await postGraphQL<{ case: { ownerAgentNo: string } }>(
        stack.gatewayUrl,
        'query ($id: ID!) { case(id: $id) { ownerAgentNo } }',
        { id: promises[0].caseId },
        asCaller(CASE_HANDLER_LABEL),
      );
      expect(still.data?.case.ownerAgentNo).toBe(newOwner);

      await page.goto(`${origin}/#/customer/${encodeURIComponent(DEMO_STORY_CUSTOMER)}`);
      await page.locator(`dl[data-customer-key="${DEMO_STORY_CUSTOMER}"]`).waitFor();
      expect(await page.locator('[data-pii="name"]').innerText()).not.toContain('••••');
      await page.locator('.language select').selectOption('zh-CN');
      await page.getByRole('heading', { name: '客户' }).waitFor();
      expect(
        await page
          .getByRole('table', { name: '承诺' })
          .locator('tbody [data-status="BROKEN"]')
          .allInnerTexts(),
      ).toEqual(['已违约', '已违约']);
      await page.screenshot({ path: join(ARTIFACTS, 'customer-zh-CN.png'), fullPage: true });
      await readmeScreenshot(page, 'customer', 'zh-CN');
      await expectAccessible(page);
      await page.locator('.language select').selectOption('en');
      await page.close();
    },
    VIEW_TIMEOUT_MS,
  );

  it(
    'a team lead hands a follow-up to another agent of the team in one click; a stale one is refused beside the control',
    async () => {
      type FollowUp = { id: string; version: number; ownerEmployeeNo: string; centerId: string };
      const promises =
        (
          await postGraphQL<{ commitments: FollowUp[] }>(
            stack.gatewayUrl,
            'query ($k: String!) { commitments(first: 50, customerKey: $k) { id version ownerEmployeeNo centerId } }',
            { k: DEMO_STORY_CUSTOMER },
            asCaller(MANAGER),
          )
        ).data?.commitments ?? [];
      const promise = promises[1];
      // the lead's team as staff shows it to the lead, in the promise's center
      const team = (
        (
          await postGraphQL<{ agents: { nodes: { employeeNo: string; center: { id: string } | null }[] } }>(
            stack.gatewayUrl,
            '{ agents(first: 500, filter: { statuses: [ACTIVE], roles: [AGENT] }) { nodes { employeeNo center { id } } } }',
            undefined,
            asCaller(LEAD_LABEL),
          )
        ).data?.agents.nodes ?? []
      ).filter((a) => a.center?.id === promise.centerId && a.employeeNo !== promise.ownerEmployeeNo);
      expect(team.length).toBeGreaterThanOrEqual(3);
      const [first, second, third] = team.map((a) => a.employeeNo);
      // the center's manager gives the story's second promise to the lead's team (the API, as set-up)
      const move = (owner: string, version: number) =>
        postGraphQL<{ reassignCommitment: { version: number } }>(
          stack.gatewayUrl,
          'mutation ($i: ReassignCommitmentInput!) { reassignCommitment(input: $i) { version } }',
          { i: { id: promise.id, ownerEmployeeNo: owner, expectedVersion: version } },
          asCaller(MANAGER),
        );
      const given = await move(first, promise.version);
      expect(given.errors).toBeUndefined();

      const page = await signIn(LEAD_LABEL);
      await page.getByRole('link', { name: 'Follow-ups' }).click();
      const list = page.getByRole('table', { name: 'Follow-ups', exact: true });
      const row = list.locator(`tbody tr[data-row-key="${promise.id}"]`);
      await row.getByRole('combobox').waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'follow-ups-lead.png'), fullPage: true });
      // the choice is the team's agents, name next to number; one click hands it over
      expect(await row.getByRole('option', { name: new RegExp(`^${second} · .+`) }).count()).toBe(1);
      await row.getByRole('combobox').selectOption(second);
      await row.getByRole('button', { name: 'Reassign', exact: true }).click();
      await row.locator('.reassign-follow-up [role="status"]').waitFor();
      expect(await row.locator('.reassign-follow-up [role="status"]').innerText()).toBe(
        `Reassigned to ${second}`,
      );
      const read = async () =>
        (
          await postGraphQL<{ commitment: { ownerEmployeeNo: string; version: number } }>(
            stack.gatewayUrl,
            'query ($id: ID!) { commitment(id: $id) { ownerEmployeeNo version } }',
            { id: promise.id },
            asCaller(LEAD_LABEL),
          )
        ).data?.commitment;
      const after = await read();
      expect(after?.ownerEmployeeNo).toBe(second);

      // moved meanwhile by the manager: the lead's click on the version shown is refused, said beside it
      expect((await move(third, after?.version ?? 0)).errors).toBeUndefined();
      await row.getByRole('combobox').selectOption(first);
      await row.getByRole('button', { name: 'Reassign', exact: true }).click();
      await row.locator('.reassign-follow-up [role="alert"]').waitFor();
      expect(await row.locator('.reassign-follow-up [role="alert"]').innerText()).toMatch(/version/i);
      expect((await read())?.ownerEmployeeNo).toBe(third);
      await expectAccessible(page);
      await page.close();
    },
    VIEW_TIMEOUT_MS,
  );

  it(
    'shows the workforce page: forecast, backtest, coverage and adherence per agent as the API gives them',
    async () => {
      const page = await signIn(MANAGER);
      const day = addDays(localDay(new Date(), ZONE), -1); // the last day of wfm's demo week of schedules
      await page.getByRole('link', { name: 'Workforce' }).waitFor(); // offered to a manager
      await page.goto(`${origin}/#/wfm/${demoCenterId('SHA-01')}?day=${day}`);
      const adherence = page.locator('[data-adherence]');
      await adherence.locator('tbody tr').first().waitFor();
      const api = await postGraphQL<{
        adherence: { employeeNo: string; adherence: number | null }[];
        coverage: { scheduledOnQueue: number }[];
      }>(
        stack.gatewayUrl,
        `query ($d: LocalDate!, $n: LocalDate!) {
          adherence(from: $d, to: $n) { employeeNo adherence }
          coverage(date: $d, timeZone: "${ZONE}", intervalMinutes: 30) { scheduledOnQueue }
        }`,
        { d: day, n: addDays(day, 1) },
        asCaller(MANAGER),
      );
      expect(api.errors).toBeUndefined();
      const rows = api.data?.adherence ?? [];
      expect(rows.length).toBeGreaterThan(0);
      expect(await adherence.getAttribute('data-adherence')).toBe(
        rows.map((r) => `${r.employeeNo}:${r.adherence}`).join(' '),
      );
      // sorted least adherent first: the first row shows the lowest adherence, as a percentage
      const lowest = Math.min(...rows.map((r) => r.adherence ?? Infinity));
      const percent = new Intl.NumberFormat('en', {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      });
      expect(await adherence.locator('tbody tr').first().innerText()).toContain(percent.format(lowest));
      // coverage: the agents scheduled on queue are the API's, and some are
      const coverage = page.locator('[data-coverage-scheduled]');
      await coverage.locator('.chart svg').waitFor();
      const scheduled = api.data?.coverage.map((c) => c.scheduledOnQueue) ?? [];
      expect(scheduled.some((n) => n > 0)).toBe(true);
      expect(await coverage.getAttribute('data-coverage-scheduled')).toBe(scheduled.join(' '));
      // the demo keeps no interval history in wfm: the forecast and backtest say so rather than guess
      await page.locator('[data-forecast-offered] .chart svg').waitFor();
      expect(await page.getByText('Not forecastable').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(ARTIFACTS, 'workforce.png'), fullPage: true });
      await readmeScreenshot(page, 'wfm');

      // a day typed: nothing is asked until it is a whole day, then the address holds it
      const earlier = addDays(day, -2);
      const asked: string[] = [];
      const count = (request: { url: () => string }) => {
        if (request.url().endsWith('/graphql')) asked.push(request.url());
      };
      const dayInput = page.locator('.wfm-page .filters .ant-picker input');
      await dayInput.click();
      await dayInput.press('Control+A');
      page.on('request', count);
      await dayInput.pressSequentially(earlier.slice(0, -1), { delay: 50 });
      await page.waitForTimeout(1_000);
      expect(asked).toEqual([]);
      expect(page.url()).toContain(`day=${day}`);
      await dayInput.pressSequentially(earlier.slice(-1));
      await dayInput.press('Enter');
      await page.waitForURL(new RegExp(`day=${earlier}`));
      page.off('request', count);
      await adherence.locator('tbody tr').first().waitFor();
      await page.close();
    },
    VIEW_TIMEOUT_MS,
  );

  it(
    'a case handler’s complaint deadlines: columns, days left and code counts as care gives them, in Chinese, at phone width',
    async () => {
      type Open = { id: string; deadlineDate: string; timeZone: string; overdue: boolean };
      const today = localDay(new Date(), ZONE);
      const api = await postGraphQL<{
        open: Open[];
        overdue: { id: string }[];
        byReason: { reasonCode: string; received: number }[];
      }>(
        stack.gatewayUrl,
        `query ($from: DateTimeISO!, $to: DateTimeISO!) {
          open: complaints(first: 500, filter: { open: true }) { id deadlineDate timeZone overdue }
          overdue: complaints(first: 500, filter: { open: true, overdue: true }) { id }
          byReason: complaintStats(from: $from, to: $to, groupBy: [REASON_AXIS]) { reasonCode received }
        }`,
        {
          from: localMidnight(addDays(today, -30), ZONE).toISOString(),
          to: localMidnight(today, ZONE).toISOString(),
        },
        asCaller(CASE_HANDLER_LABEL),
      );
      expect(api.errors).toBeUndefined();
      const open = api.data?.open ?? [];
      expect(open.length).toBeGreaterThan(0); // the demo's story complaint is open
      const page = await signIn(CASE_HANDLER_LABEL);
      await page.getByRole('heading', { name: 'Complaint deadlines' }).waitFor();
      const board = page.locator('[data-complaint-board]');
      await board.locator('[data-column="overdue"]').waitFor();
      // every open complaint in one column; the overdue ones are care's overdue ones
      const counts = await board
        .locator('[data-column]')
        .evaluateAll((columns) => columns.map((c) => Number(c.getAttribute('data-count'))));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(open.length);
      expect(await board.locator('[data-column="overdue"]').getAttribute('data-count')).toBe(
        String(api.data?.overdue.length),
      );
      // days left on the clock: calendar days from today (the complaint's zone) to its last day, for
      // every complaint the table lists (all open ones: fewer than a page here)
      await board.locator('tbody span[data-days-left]').first().waitFor();
      expect(await board.locator('tbody span[data-days-left]').count()).toBe(Math.min(open.length, 50));
      let checked = 0;
      for (const c of open) {
        const left = Math.round(
          (Date.parse(`${c.deadlineDate}T00:00:00Z`) -
            Date.parse(`${localDay(new Date(), c.timeZone)}T00:00:00Z`)) /
            86_400_000,
        );
        const item = board.locator(`li[data-complaint="${c.id}"]`);
        if ((await item.count()) === 0) continue; // a column shows its first 20
        expect(await item.getAttribute('data-days-left')).toBe(String(left));
        checked += 1;
      }
      expect(checked).toBeGreaterThan(0);
      // counts per reason code (axis C) over the last 30 days, as complaintStats gives them
      const reasons = [...(api.data?.byReason ?? [])].sort(
        (a, b) => b.received - a.received || a.reasonCode.localeCompare(b.reasonCode),
      );
      expect(await board.locator('[data-axis="REASON"]').getAttribute('data-axis-counts')).toBe(
        reasons.map((r) => `${r.reasonCode}:${r.received}`).join(' '),
      );
      await page.screenshot({ path: join(ARTIFACTS, 'complaint-deadlines.png'), fullPage: true });
      await readmeScreenshot(page, 'complaints');
      await expectAccessible(page);
      await expectNoPageScrollAtPhoneWidth(page);
      await page.locator('.language select').selectOption('zh-CN');
      await page.getByRole('heading', { name: '投诉时限看板' }).waitFor();
      expect(await board.locator('[data-column="overdue"] h3').innerText()).toContain('已超时');
      expect(await board.locator('[data-column="overdue"]').getAttribute('data-count')).toBe(
        String(api.data?.overdue.length),
      );
      await page.screenshot({ path: join(ARTIFACTS, 'complaint-deadlines-zh-CN.png'), fullPage: true });
      await readmeScreenshot(page, 'complaints', 'zh-CN');
      await expectAccessible(page);
      await expectNoPageScrollAtPhoneWidth(page);

      // the case handler's day goes on in Chinese at phone width: last month's counts by code, the open
      // complaints as CSV, then a complaint's customer
      await page.setViewportSize({ width: 390, height: 844 });
      const monthStart = `${today.slice(0, 8)}01`;
      const lastMonth = `${addDays(monthStart, -1).slice(0, 8)}01`;
      await pickPeriodPreset(page, '上月', `/#/complaints?from=${lastMonth}&to=${monthStart}`);
      const month = await postGraphQL<{ byReason: { reasonCode: string; received: number }[] }>(
        stack.gatewayUrl,
        `query ($from: DateTimeISO!, $to: DateTimeISO!) {
          byReason: complaintStats(from: $from, to: $to, groupBy: [REASON_AXIS]) { reasonCode received }
        }`,
        {
          from: localMidnight(lastMonth, ZONE).toISOString(),
          to: localMidnight(monthStart, ZONE).toISOString(),
        },
        asCaller(CASE_HANDLER_LABEL),
      );
      expect(month.errors).toBeUndefined();
      const monthReasons = [...(month.data?.byReason ?? [])]
        .sort((a, b) => b.received - a.received || a.reasonCode.localeCompare(b.reasonCode))
        .map((r) => `${r.reasonCode}:${r.received}`)
        .join(' ');
      await board.locator(`[data-axis="REASON"][data-axis-counts="${monthReasons}"]`).waitFor();
      await page.getByRole('status').filter({ hasText: /更新/ }).waitFor({ state: 'detached' });
      const openTable = page.getByRole('table', { name: '处理中的投诉' });
      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('.table-block', { has: openTable }).getByRole('button', { name: 'CSV' }).click(),
      ]);
      const csvLines = readFileSync(await csv.path(), 'utf8')
        .slice(1)
        .trimEnd()
        .split('\r\n');
      expect(csvLines[0]).toBe(
        (await openTable.locator('thead th').allInnerTexts()).map((h) => h.trim()).join(','),
      );
      expect(csvLines).toHaveLength(open.length + 1); // every open complaint, whatever the page shows
      await expectAccessible(page);
      await expectNoPageScrollAtPhoneWidth(page);
      const customerLink = openTable.locator('tbody a[href^="#/customer/"]').first();
      const customerKey = decodeURIComponent(
        ((await customerLink.getAttribute('href')) ?? '').replace(/^#\/customer\//, ''),
      );
      expect(customerKey).not.toBe('');
      await customerLink.click();
      await page.getByRole('heading', { name: '客户' }).waitFor();
      await page.locator(`dl[data-customer-key="${customerKey}"]`).waitFor();
      await expectAccessible(page);
      await expectNoPageScrollAtPhoneWidth(page);
      await page.screenshot({
        path: join(ARTIFACTS, 'case-handler-customer-zh-CN-phone.png'),
        fullPage: true,
      });
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.locator('.language select').selectOption('en');
      await page.close();
    },
    VIEW_TIMEOUT_MS,
  );

  it(
    'a manager reads the VOC view: categories, change and survey n as voc gives them, in Chinese, at phone width',
    async () => {
      const center = demoCenterId('SHA-01');
      // surveys on the story customer's calls, imported as a survey platform would send them
      const contacts =
        (
          await postGraphQL<{
            contactsOfCustomer: { source: string; externalId: string; arrivedAt: string; endedAt: string }[];
          }>(
            stack.gatewayUrl,
            'query ($k: String!) { contactsOfCustomer(customerKeys: [$k]) { source externalId arrivedAt endedAt } }',
            { k: DEMO_STORY_CUSTOMER },
            asCaller('ADMIN'),
          )
        ).data?.contactsOfCustomer ?? [];
      expect(contacts.length).toBe(3);
      const form = await postGraphQL<{ createSurveyForm: { id: string } }>(
        stack.gatewayUrl,
        `mutation ($c: ID!) { createSurveyForm(input: { centerId: $c, code: "E2E-CSAT", kind: CSAT, title: "After the call", topBoxMin: 4 }) { id } }`,
        { c: center },
        asCaller('ADMIN'),
      );
      expect(form.errors).toBeUndefined();
      const verbatims = [
        'I waited 25 minutes before anyone answered',
        'The annual fee and the interest on my card are wrong',
        'I waited 40 minutes again',
      ];
      const imported = await postGraphQL<{ importSurveys: { responsesRecorded: number } }>(
        stack.gatewayUrl,
        `mutation ($c: ID!, $r: [SurveyImportRowInput!]!) { importSurveys(centerId: $c, rows: $r) { responsesRecorded } }`,
        {
          c: center,
          r: contacts.map((contact, i) => {
            const sent = new Date(Date.parse(contact.endedAt) + 60_000);
            return {
              invitationKey: `e2e-voc-${i}`,
              formCode: 'E2E-CSAT',
              contactSource: contact.source,
              contactExternalId: contact.externalId,
              sentAt: sent.toISOString(),
              status: 'FINISHED',
              answeredAt: new Date(sent.getTime() + 600_000).toISOString(),
              score: i + 1,
              verbatim: verbatims[i],
            };
          }),
        },
        asCaller('ADMIN'),
      );
      expect(imported.errors).toBeUndefined();
      expect(imported.data?.importSurveys.responsesRecorded).toBe(3);
      const arrivals = contacts.map((c) => Date.parse(c.arrivedAt));
      const fromDay = localDay(new Date(Math.min(...arrivals)), ZONE);
      const toDay = addDays(localDay(new Date(Math.max(...arrivals)), ZONE), 1);
      const api = await postGraphQL<{
        vocView: { categories: { category: string; nameZh: string; feedback: number }[] };
        surveyStats: { centerId: string; csat: { n: number } }[];
      }>(
        stack.gatewayUrl,
        `query ($c: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
          vocView(centerId: $c, from: $from, to: $to, top: 10) { categories { category nameZh feedback } }
          surveyStats(from: $from, to: $to, groupBy: [CENTER], minResponses: 1) { centerId csat { n } }
        }`,
        {
          c: center,
          from: localMidnight(fromDay, ZONE).toISOString(),
          to: localMidnight(toDay, ZONE).toISOString(),
        },
        asCaller(MANAGER),
      );
      expect(api.errors).toBeUndefined();
      const categories = api.data?.vocView.categories ?? [];
      expect(categories.length).toBeGreaterThanOrEqual(2);

      const page = await signIn(MANAGER);
      await page.getByRole('link', { name: 'Voice of the customer' }).waitFor(); // offered to a manager
      await page.goto(`${origin}/#/voc/${center}?from=${fromDay}&to=${toDay}`);
      const view = page.locator('section[data-voc-categories]:not([data-voc-categories=""])');
      await view.waitFor();
      expect(await view.getAttribute('data-voc-categories')).toBe(
        categories.map((c) => `${c.category}:${c.feedback}`).join(' '),
      );
      const n = api.data?.surveyStats.find((s) => s.centerId === center)?.csat.n;
      expect(n).toBe(3);
      expect(await view.locator('[data-csat-n]').first().getAttribute('data-csat-n')).toBe(String(n));
      await view.locator('.chart svg').waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'voc.png'), fullPage: true });
      await readmeScreenshot(page, 'voc');
      await expectAccessible(page);
      await expectNoPageScrollAtPhoneWidth(page);
      await page.locator('.language select').selectOption('zh-CN');
      await page.getByRole('heading', { name: '客户之声' }).waitFor();
      const table = page.getByRole('table', { name: '主要反馈类别' });
      expect(await table.locator('tbody tr.ant-table-row td:first-child').allInnerTexts()).toEqual(
        categories.map((c) => c.nameZh),
      );
      await expectAccessible(page);
      await expectNoPageScrollAtPhoneWidth(page);
      await page.locator('.language select').selectOption('en');
      await page.close();
    },
    VIEW_TIMEOUT_MS,
  );

  it(
    'a team’s sales page: outcome KPIs and each agent’s row as trafficStats gives them, in Chinese, at phone width',
    async () => {
      const teamId =
        (
          await postGraphQL<{ team: { id: string } }>(
            stack.gatewayUrl,
            'query ($code: String!) { team(code: $code) { id } }',
            { code: LEAD_TEAM },
            asCaller(MANAGER),
          )
        ).data?.team.id ?? '';
      expect(teamId).not.toBe('');
      // traffic counts a contact toward the team its agent had then: its copy of staff's team
      // history is refreshed on a timer, here now
      const sync = await postGraphQL<{ syncTeamDirectory: { agents: number } }>(
        stack.gatewayUrl,
        'mutation { syncTeamDirectory { agents } }',
        undefined,
        asCaller('ADMIN'),
      );
      expect(sync.errors).toBeUndefined();
      const today = localDay(new Date(), ZONE);
      type Outcome = { employeeNo: string | null; answered: number; offers: number; sales: number };
      const api = await postGraphQL<{ total: Outcome[]; byAgent: Outcome[] }>(
        stack.gatewayUrl,
        `query ($t: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
          total: trafficStats(filter: { from: $from, to: $to, timeZone: "${ZONE}", teamIds: [$t] }, granularity: TOTAL) { employeeNo answered offers sales }
          byAgent: trafficStats(filter: { from: $from, to: $to, timeZone: "${ZONE}", teamIds: [$t] }, granularity: TOTAL, groupBy: [AGENT]) { employeeNo answered offers sales }
        }`,
        {
          t: teamId,
          from: localMidnight(addDays(today, -7), ZONE).toISOString(),
          to: localMidnight(today, ZONE).toISOString(),
        },
        asCaller(MANAGER),
      );
      expect(api.errors).toBeUndefined();
      const busiest = [...(api.data?.byAgent ?? [])].sort((a, b) => b.answered - a.answered)[0];
      expect(busiest.answered).toBeGreaterThan(0);

      const page = await signIn(MANAGER);
      await page.locator('[data-kpi]').first().waitFor();
      await page.goto(`${origin}/#/team/${encodeURIComponent(teamId)}`);
      await page.getByRole('link', { name: 'Sales', exact: true }).click();
      // the team's period goes along (the page's default: the last 7 days)
      await page.waitForURL(
        `${origin}/#/sales/${encodeURIComponent(teamId)}?from=${addDays(localDay(new Date(), ZONE), -7)}&to=${localDay(new Date(), ZONE)}`,
      );
      const panel = page.locator('[data-sales-guardrail]');
      await panel.locator('[data-outcome="offers"]').waitFor();
      expect(await panel.locator('[data-outcome="offers"]').getAttribute('data-value')).toBe(
        String(api.data?.total[0].offers),
      );
      expect(await panel.locator('[data-outcome="sales"]').getAttribute('data-value')).toBe(
        String(api.data?.total[0].sales),
      );
      // the team's guardrail as kpi's salesGuardrail gives it for the same period (issue 20)
      const guardrail = await postGraphQL<{
        salesGuardrail: { breach: boolean; current: { conversionRate: number | null } };
      }>(
        stack.gatewayUrl,
        `query ($t: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
          salesGuardrail(scope: { type: TEAM, id: $t }, from: $from, to: $to) { breach current { conversionRate } } }`,
        {
          t: teamId,
          from: localMidnight(addDays(today, -7), ZONE).toISOString(),
          to: localMidnight(today, ZONE).toISOString(),
        },
        asCaller(MANAGER),
      );
      expect(guardrail.errors).toBeUndefined();
      const verdict = panel.locator('[data-guardrail]:not([data-guardrail=""])');
      await verdict.waitFor();
      expect(await verdict.getAttribute('data-guardrail')).toBe(
        guardrail.data?.salesGuardrail.breach ? 'breach' : 'clear',
      );
      expect(await verdict.locator('tr[data-figure="conversion"] td').nth(1).innerText()).toBe(
        guardrail.data?.salesGuardrail.current.conversionRate === null
          ? '–'
          : new Intl.NumberFormat('en', {
              style: 'percent',
              minimumFractionDigits: 1,
              maximumFractionDigits: 1,
            }).format(guardrail.data?.salesGuardrail.current.conversionRate ?? 0),
      );
      // the guardrail's figures download as the API gives them (every table exports, issue 25)
      const [guardrailCsv] = await Promise.all([
        page.waitForEvent('download'),
        verdict.getByRole('button', { name: 'CSV' }).click(),
      ]);
      const guardrailLines = readFileSync(await guardrailCsv.path(), 'utf8')
        .slice(1)
        .trimEnd()
        .split('\r\n');
      expect(guardrailLines).toHaveLength(4);
      expect(guardrailLines[1].split(',')[2]).toBe(
        String(guardrail.data?.salesGuardrail.current.conversionRate ?? ''),
      );
      const table = page.getByRole('table', { name: 'Outcomes per agent' });
      const row = table.locator('tbody tr.ant-table-row', {
        has: page.locator(`a[href="#/agent/${busiest.employeeNo}"]`),
      });
      expect(await row.locator('td').nth(1).innerText()).toBe(
        new Intl.NumberFormat('en').format(busiest.answered),
      );
      await page.screenshot({ path: join(ARTIFACTS, 'sales.png'), fullPage: true });
      await readmeScreenshot(page, 'sales');
      await expectAccessible(page);
      await expectNoPageScrollAtPhoneWidth(page);
      await page.locator('.language select').selectOption('zh-CN');
      await panel.getByText('营销次数').waitFor();
      expect(await page.getByRole('heading', { level: 2 }).innerText()).toMatch(/^营销/);
      await expectAccessible(page);
      await expectNoPageScrollAtPhoneWidth(page);
      await page.locator('.language select').selectOption('en');
      await page.close();
    },
    VIEW_TIMEOUT_MS,
  );

  it(
    'a queue page from the center overview: the period’s figures as trafficStats gives them, the live state, a chart as PNG',
    async () => {
      const page = await signIn(MANAGER);
      const queues = page.getByRole('navigation', { name: 'Queues' });
      await queues.getByRole('link').first().waitFor();
      const code = await queues.getByRole('link').first().innerText();
      await queues.getByRole('link').first().click();
      await page.waitForURL(/#\/queue\//);
      const queueId = decodeURIComponent(
        new URL(page.url()).hash.replace(/^#\/queue\//, '').replace(/\?.*$/, ''),
      );
      const today = localDay(new Date(), ZONE);
      const api = await postGraphQL<{
        queue: { code: string };
        trafficStats: { offered: number; answered: number }[];
      }>(
        stack.gatewayUrl,
        `query ($q: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
          queue(id: $q) { code }
          trafficStats(filter: { from: $from, to: $to, timeZone: "${ZONE}", queueIds: [$q] }, granularity: TOTAL) { offered answered }
        }`,
        {
          q: queueId,
          from: localMidnight(addDays(today, -7), ZONE).toISOString(),
          to: localMidnight(today, ZONE).toISOString(),
        },
        asCaller(MANAGER),
      );
      expect(api.errors).toBeUndefined();
      expect(api.data?.queue.code).toBe(code);
      const total = api.data?.trafficStats[0];
      expect(total?.offered).toBeGreaterThan(0);
      const section = page.locator(`section[data-queue-id="${queueId}"]`);
      const offered = section.locator('[data-queue-period] [data-queue-figure="offered"] .tile-value');
      await offered.waitFor();
      expect(await offered.innerText()).toBe(new Intl.NumberFormat('en').format(total?.offered ?? -1));
      expect(
        await section.locator('[data-queue-period] [data-queue-figure="answered"] .tile-value').innerText(),
      ).toBe(new Intl.NumberFormat('en').format(total?.answered ?? -1));
      // the live state (a manager reads their center's)
      await section.locator('[data-queue-live] [data-queue-figure="waiting"]').waitFor();
      await section.locator('.chart svg').waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'queue.png'), fullPage: true });
      await readmeScreenshot(page, 'queue');
      await expectAccessible(page);
      await expectNoPageScrollAtPhoneWidth(page);

      // the chart as a PNG image (ECharts' getDataURL off screen): a real PNG, named after the chart
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        section.getByRole('button', { name: /^Download PNG/ }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^Contacts-per-30-minutes-.+-\d{4}-\d{2}-\d{2}\.png$/);
      const png = readFileSync(await download.path());
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(png.readUInt32BE(16)).toBeGreaterThan(100); // IHDR width: drawn, not empty
      expect(png.length).toBeGreaterThan(2_000);

      await page.locator('.language select').selectOption('zh-CN');
      await section.getByRole('heading', { name: /^队列/ }).first().waitFor();
      expect(await offered.innerText()).toBe(new Intl.NumberFormat('zh-CN').format(total?.offered ?? -1));
      const [zhDownload] = await Promise.all([
        page.waitForEvent('download'),
        section.getByRole('button', { name: /^下载 PNG/ }).click(),
      ]);
      expect(zhDownload.suggestedFilename()).toMatch(/\.png$/);
      await expectAccessible(page);
      await expectNoPageScrollAtPhoneWidth(page);
      await page.locator('.language select').selectOption('en');

      // the center's wallboard (a TV's page, no shell), live
      await page.goto(`${origin}/#/wallboard/${encodeURIComponent(demoCenterId('SHA-01'))}`);
      await page.locator('.wallboard[data-connection="live"]').waitFor();
      await page.locator('.wallboard tr[data-queue]').first().waitFor();
      await expectAccessible(page);
      await readmeScreenshot(page, 'wallboard');
      await page.close();
    },
    VIEW_TIMEOUT_MS,
  );

  it(
    'a team lead, HR, a QA evaluator, a VOC analyst and an agent each land on their work in Chinese at phone width: last month by its preset, a table exported, accessible, no page scroll',
    async () => {
      const today = localDay(new Date(), ZONE);
      const monthStart = `${today.slice(0, 8)}01`;
      const lastMonth = `${addDays(monthStart, -1).slice(0, 8)}01`;
      // the QA workload's period is the sampling plan's (its own walk picks it); the others take a preset
      const days: { label: string; hash: RegExp; heading: RegExp; preset: boolean; drill?: RegExp }[] = [
        { label: LEAD_LABEL, hash: /^#\/team\//, heading: /^团队: /, preset: true, drill: /^坐席: / },
        { label: HR_LABEL, hash: /^#\/hr\//, heading: /^培训合规: /, preset: true },
        { label: EVALUATOR_LABEL, hash: /^#\/qa/, heading: /^质检$/, preset: false },
        { label: VOC_LABEL, hash: /^#\/voc/, heading: /^客户之声/, preset: true },
        { label: AGENT_LABEL, hash: new RegExp(`^#/agent/${AGENT_NO}`), heading: /^坐席: /, preset: true },
      ];
      for (const day of days) {
        const page = await signIn(day.label);
        await page.setViewportSize({ width: 390, height: 844 });
        await page.locator('.language select').selectOption('zh-CN');
        await page.getByRole('heading', { level: 2, name: day.heading }).waitFor();
        expect(new URL(page.url()).hash).toMatch(day.hash);
        if (day.preset) {
          // last month by its Chinese preset, into the address
          await pickPeriodPreset(page, '上月', `from=${lastMonth}&to=${monthStart}`);
          await page.getByRole('status').filter({ hasText: /更新/ }).waitFor({ state: 'detached' });
        }
        // a table as CSV: its Chinese header, as shown
        const block = page.locator('.table-block', { has: page.locator('table thead') }).first();
        await block.locator('table thead th').first().waitFor();
        const [csv] = await Promise.all([
          page.waitForEvent('download'),
          block.getByRole('button', { name: 'CSV' }).click(),
        ]);
        const header = readFileSync(await csv.path(), 'utf8')
          .slice(1)
          .split('\r\n')[0];
        expect(header).toBe(
          (await block.locator('table thead th').allInnerTexts()).map((h) => h.trim()).join(','),
        );
        expect(header).toMatch(/[\u4e00-\u9fff]/);
        await expectAccessible(page);
        await expectNoPageScrollAtPhoneWidth(page);
        if (day.drill) {
          // drill down to an agent: the month goes along
          await page.locator('table a[href^="#/agent/"]').first().click();
          await page.getByRole('heading', { level: 2, name: day.drill }).waitFor();
          expect(new URL(page.url()).hash).toContain(`from=${lastMonth}&to=${monthStart}`);
          await expectAccessible(page);
          await expectNoPageScrollAtPhoneWidth(page);
        }
        await page.close();
      }
    },
    VIEW_TIMEOUT_MS * 2,
  );

  it("refuses another agent's data to the agent's token the dashboard holds", async () => {
    const other = AGENT_NO === 'E10001' ? 'E10002' : 'E10001';
    const api = await postGraphQL<{ agent: unknown }>(
      stack.gatewayUrl,
      `query ($no: String!) { agent(employeeNo: $no) { employeeNo displayName } }`,
      { no: other },
      asCaller(AGENT_LABEL),
    );
    expect(api.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(api.data?.agent ?? null).toBeNull();
    expect(JSON.stringify(api)).not.toContain(other);
  });
});
