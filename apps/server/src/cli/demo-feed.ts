import { parseArgs } from 'node:util';
import { DEMO_CODES, DEMO_SITES } from './demo-data.js';

/**
 * Posts a demo signal every few seconds to the HTTP ingest so a newcomer sees live alarms.
 *   node dist/cli/demo-feed.js --url http://127.0.0.1:3000 --interval 4000 [--count 100]
 * The API key comes from INGEST_API_KEY (or the first of INGEST_API_KEYS).
 */
const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.ARC_SERVER_URL ?? 'http://127.0.0.1:3000' },
    interval: { type: 'string', default: '4000' },
    count: { type: 'string' },
  },
});

const apiKey =
  process.env.INGEST_API_KEY ?? process.env.INGEST_API_KEYS?.split(',')[0]?.trim() ?? 'development-only-ingest-key';
const interval = Math.max(200, Number(values.interval));
const limit = values.count ? Number(values.count) : Number.POSITIVE_INFINITY;
const totalWeight = DEMO_CODES.reduce((sum, entry) => sum + entry.weight, 0);

function pickCode(): string {
  let roll = Math.random() * totalWeight;
  for (const entry of DEMO_CODES) {
    roll -= entry.weight;
    if (roll <= 0) return entry.code;
  }
  return 'BA';
}

function pickAccount(): string {
  // One signal in twenty comes from an account the directory does not know.
  if (Math.random() < 0.05) return 'DEAD01';
  return DEMO_SITES[Math.floor(Math.random() * DEMO_SITES.length)]!.account;
}

async function sendOne(sent: number): Promise<void> {
  const body = {
    account: pickAccount(),
    code: pickCode(),
    zone: String(1 + Math.floor(Math.random() * 24)).padStart(3, '0'),
  };
  try {
    const response = await fetch(`${values.url}/api/v1/signals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify(body),
    });
    const result = (await response.json()) as { caseNo?: string | null; message?: string };
    const outcome = response.ok
      ? result.caseNo
        ? `case ${result.caseNo}`
        : 'stored'
      : `HTTP ${response.status} ${result.message}`;
    process.stdout.write(`[demo-feed] #${sent} ${body.account} ${body.code} zone ${body.zone} -> ${outcome}\n`);
  } catch (error) {
    process.stdout.write(`[demo-feed] #${sent} server not reachable (${(error as Error).message}); retrying\n`);
  }
}

async function main(): Promise<void> {
  for (let sent = 1; sent <= limit; sent += 1) {
    await sendOne(sent);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

void main();
