/**
 * `npm run bench`: builds the app and a blank React page into temp folders, serves both with
 * Parley's server on loopback, and runs the benchmarks (issues 6 and 12) and the flood of issue 9,
 * printing each one's detail table and, last, one summary table: every figure, its baseline
 * measured in the same run, the ratio and the goal. Not a test: nothing here asserts timings.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { startServer } from '../server/app.ts';
import { buildAll } from './build.ts';
import { launchBrowser } from './browser.ts';
import { runFirstLoadBench } from './first-load.ts';
import { runLargeResponseBench } from './large-response.ts';
import { runProxyBench } from './proxy.ts';
import { runFloodBench } from './flood.ts';
import { runScriptsBench } from './scripts.ts';
import { summaryTable, type BenchResult, type Figure } from './browser.ts';

const only = new Set(process.argv.slice(2)); // e.g. `npm run bench -- first-load large`
const want = (name: string) => only.size === 0 || only.has(name);

async function main() {
  const started = Date.now();
  const figures: Figure[] = [];
  const log = (result: BenchResult) => {
    console.log(result.text + '\n');
    figures.push(...result.figures);
  };
  if (want('first-load') || want('large')) {
    console.log('Building the app and the baseline page…');
    const { appDir, baselineDir } = await buildAll();
    const app = await startServer({ host: '127.0.0.1', port: 0, distDir: appDir });
    const baseline = await startServer({ host: '127.0.0.1', port: 0, distDir: baselineDir });
    const browser = await launchBrowser();
    try {
      if (want('first-load'))
        log(await runFirstLoadBench(browser, app.url + '/', baseline.url + '/', { appDir, baselineDir }));
      if (want('large')) log(await runLargeResponseBench(browser, app.url + '/', baseline.url + '/', app.url));
    } finally {
      await browser.close();
      await app.close();
      await baseline.close();
      rmSync(dirname(appDir), { recursive: true, force: true });
    }
  }
  if (want('proxy')) log(await runProxyBench());
  if (want('flood')) log(await runFloodBench());
  if (want('scripts')) log(await runScriptsBench());
  console.log(`Summary (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs at the end)`);
  console.log(summaryTable(figures) + '\n');
  console.log(`Benchmarks done in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
