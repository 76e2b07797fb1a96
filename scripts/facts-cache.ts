// Recomputes the cached training runs behind lesson numbers (src/facts/cache/*.json).
//   npx tsx scripts/facts-cache.ts            every cached experiment
//   npx tsx scripts/facts-cache.ts plateau    only the named ones
// Deterministic: the same trainer gives the same file, bit for bit. Run it after changing an
// experiment's jobs (the build says which) or the trainer's arithmetic (the unit test says so).
import { writeFileSync } from 'node:fs';
import { CACHED_EXPERIMENTS } from '../src/facts/cache/registry';
import { cacheFileText, runJob, type CacheFile } from '../src/facts/cache/runs';

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !CACHED_EXPERIMENTS.some((e) => e.name === name));
if (unknown.length) {
  console.error(`No cached experiment called ${unknown.join(', ')}. Known: ${CACHED_EXPERIMENTS.map((e) => e.name).join(', ')}.`);
  process.exit(1);
}
for (const experiment of CACHED_EXPERIMENTS.filter((e) => !wanted.length || wanted.includes(e.name))) {
  const started = process.hrtime.bigint();
  const records = experiment.jobs.map((job, i) => {
    if (i % 50 === 0) process.stdout.write(`${experiment.name}: ${i}/${experiment.jobs.length}\r`);
    return runJob(job);
  });
  const file: CacheFile = { name: experiment.name, purpose: experiment.purpose, jobs: experiment.jobs, records };
  const path = new URL(`../src/facts/cache/${experiment.name}.json`, import.meta.url);
  writeFileSync(path, cacheFileText(file));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`${experiment.name}: ${records.length} runs in ${seconds.toFixed(0)} s → src/facts/cache/${experiment.name}.json`);
}
