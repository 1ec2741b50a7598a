// Ad-hoc: CPU profile of the customer list at a seeded size (navigation from Home, then typing),
// to see what a slow keystroke is made of. BENCH_PROFILE=1 node bench/profile-list.mjs <profile>
import { launch } from './lib/browser.mjs';
import { BASE } from './lib/config.mjs';
import { startProfile } from './lib/profile.mjs';
import { navFromHome, typeQueries } from './suites/list-probes.mjs';

const dir = process.argv[2];
const { context, close } = await launch({ dir });
const page = await context.newPage();
await page.goto(BASE + '/');
await page.locator('[data-testid=customer-count]').waitFor({ timeout: 300_000 });
await page.waitForTimeout(500);
let prof = await startProfile(page);
console.log('nav', await page.evaluate(navFromHome));
await prof.stop(15);
await page.waitForFunction(() => performance.getEntriesByName('rapport:customers-load').length > 0);
prof = await startProfile(page);
const keys = await page.evaluate(typeQueries, ['zs', '13', 'vip']);
console.log(
	keys.map((k) => `${k.query}:${k.work.toFixed(1)}/${k.painted.toFixed(1)} (${k.hits})`).join(' ')
);
await prof.stop(30);
await close();
